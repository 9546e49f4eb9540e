import Foundation

/// Work on many independent rows spread over the cores, results in the input's order: the CSV
/// readers' rows and storage's decoding of a year's takst bases (perf: the per-row decoding was
/// most of the time; 2 cores ≈ half).
public enum Parallelt {
    // Inlinable so each caller gets a specialised copy: unspecialised, the generic metadata
    // lookups per element were ~5 % of recomputing every takst (perf).
    @inlinable
    public static func map<E: Sendable, T: Sendable>(_ elementer: [E], fraAntal: Int = 2_000,
                                                     _ f: @Sendable (E) throws -> T) -> [Result<T, any Error>] {
        let n = elementer.count
        let dele = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard n >= fraAntal, dele > 1 else { return elementer.map { e in Result { try f(e) } } }
        let stoerrelse = (n + dele - 1) / dele
        let ud = Delresultater<Result<T, any Error>>(antal: dele)
        DispatchQueue.concurrentPerform(iterations: dele) { d in
            ud.saet(d, elementer[min(d * stoerrelse, n)..<min((d + 1) * stoerrelse, n)].map { e in Result { try f(e) } })
        }
        return ud.samlet
    }
}

@usableFromInline
final class Delresultater<T>: @unchecked Sendable {
    private let laas = NSLock()
    private var dele: [[T]]

    @usableFromInline
    init(antal: Int) { dele = Array(repeating: [], count: antal) }

    @usableFromInline
    func saet(_ i: Int, _ del: [T]) { laas.withLock { dele[i] = del } }

    @usableFromInline
    var samlet: [T] { laas.withLock { dele.flatMap { $0 } } }
}
