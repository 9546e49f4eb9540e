import Foundation

/// Work on many independent rows spread over the cores, results in the input's order: the CSV
/// readers' rows and storage's decoding of a year's takst bases (perf: the per-row decoding was
/// most of the time; 2 cores ≈ half).
public enum Parallelt {
    /// Read once: on Linux each `activeProcessorCount` opens and reads two cgroup files (strace: 590
    /// times in an x10 belægning import, twice per batch).
    @usableFromInline static let kerner = max(1, ProcessInfo.processInfo.activeProcessorCount)

    // Inlinable so each caller gets a specialised copy: unspecialised, the generic metadata
    // lookups per element were ~5 % of recomputing every takst (perf).
    @inlinable
    public static func map<E: Sendable, T: Sendable>(_ elementer: [E], fraAntal: Int = 2_000,
                                                     _ f: @Sendable (E) throws -> T) -> [Result<T, any Error>] {
        let n = elementer.count
        let dele = kerner
        guard n >= fraAntal, dele > 1 else { return elementer.map { e in Result { try f(e) } } }
        let stoerrelse = (n + dele - 1) / dele
        // Each part writes its results straight into its stretch of the one result array: collecting
        // the parts' arrays afterwards copied every row once more, retaining each of its texts (perf).
        return Array(unsafeUninitializedCapacity: n) { buffer, antal in
            let ud = Resultatplads(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: dele) { d in
                for i in min(d * stoerrelse, n)..<min((d + 1) * stoerrelse, n) {
                    (ud.start + i).initialize(to: Result { try f(elementer[i]) })
                }
            }
            antal = n
        }
    }
}

/// The result array's memory, shared by the parts of `Parallelt.map`: each part initialises only
/// its own indices, and the array is not read before every part is done.
@usableFromInline
struct Resultatplads<T>: @unchecked Sendable {
    @usableFromInline let start: UnsafeMutablePointer<T>
    @usableFromInline init(_ start: UnsafeMutablePointer<T>) { self.start = start }
}
