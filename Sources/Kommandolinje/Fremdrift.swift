import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long command's progress on standard error, one line rewritten in place ("Skriver 30.000
/// rækker … 45 %"). Only when standard error is a terminal: pipes, log collectors and tests see
/// nothing, so output that is read by programs never changes.
final class Fremdrift: @unchecked Sendable {
    private let skriv: (@Sendable (String) -> Void)?
    private let laas = NSLock()
    // Guarded by `laas`: the storage's import reports from inside its transaction.
    private var faseTekst = ""
    private var procent: Int?
    private var linjeAaben = false

    convenience init() {
        let terminal: (@Sendable (String) -> Void)? = { FileHandle.standardError.write(Data($0.utf8)) }
        self.init(skriv: isatty(STDERR_FILENO) == 1 ? terminal : nil)
    }

    /// `skriv` nil: silent (standard error is not a terminal).
    init(skriv: (@Sendable (String) -> Void)?) {
        self.skriv = skriv
    }

    /// A new phase, shown at once without a percentage ("Læser regnskab.csv …").
    func fase(_ tekst: String) {
        guard let skriv else { return }
        laas.withLock {
            faseTekst = tekst
            procent = nil
            linjeAaben = true
            skriv("\r\u{1B}[K\(tekst) …")
        }
    }

    /// How far the phase has come; the line is rewritten only when the whole percent changes, so a
    /// call per row costs nothing noticeable.
    func del(_ faerdige: Int, af iAlt: Int) {
        guard let skriv, iAlt > 0 else { return }
        let p = min(100, max(0, faerdige * 100 / iAlt))
        laas.withLock {
            guard p != procent else { return }
            procent = p
            linjeAaben = true
            skriv("\r\u{1B}[K\(faseTekst) … \(p) %")
        }
    }

    /// Ends the progress line, so what comes next (the receipt, an error) starts on its own line.
    func slut() {
        guard let skriv else { return }
        laas.withLock {
            if linjeAaben { skriv("\n") }
            linjeAaben = false
        }
    }

    /// `del` as the storage's and the generator's callback.
    var melding: @Sendable (Int, Int) -> Void { { [self] in self.del($0, af: $1) } }
}
