@testable import Kommandolinje
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue "Brugervenlighed" 6: long commands show their progress on standard error when it is a
/// terminal, and nothing at all when it is not (a pipe, a log, these tests' other runs).
final class FremdriftTests: XCTestCase {
    let cli = Takstfilprogram()

    final class Samler: @unchecked Sendable {
        private let laas = NSLock()
        private var skrevet: [String] = []
        func tilfoej(_ s: String) { laas.withLock { skrevet.append(s) } }
        var alt: [String] { laas.withLock { skrevet } }
    }

    func testLinjenSkrivesOmOgAfsluttes() {
        let ud = Samler()
        let f = Fremdrift(skriv: { ud.tilfoej($0) })
        f.fase("Læser r.csv")
        f.fase("Skriver 200 rækker")
        for i in 1...200 { f.del(i, af: 200) }
        f.slut()
        f.slut()
        let skrevet = ud.alt
        XCTAssertEqual(skrevet.first, "\r\u{1B}[KLæser r.csv …")
        XCTAssertEqual(skrevet[1], "\r\u{1B}[KSkriver 200 rækker …")
        // One write per whole percent (0 … 100), not one per row; one final newline.
        XCTAssertEqual(skrevet.count, 2 + 101 + 1, "\(skrevet)")
        XCTAssertEqual(skrevet[2], "\r\u{1B}[KSkriver 200 rækker … 0 %")
        XCTAssertEqual(skrevet[3], "\r\u{1B}[KSkriver 200 rækker … 1 %")
        XCTAssertEqual(skrevet[skrevet.count - 2], "\r\u{1B}[KSkriver 200 rækker … 100 %")
        XCTAssertEqual(skrevet.last, "\n")
        // Silent: nothing is written, whatever is called.
        let stille = Fremdrift(skriv: nil)
        stille.fase("x")
        stille.del(1, af: 2)
        stille.slut()
    }

    /// Runs the program with standard error on a pseudo-terminal; returns standard output and what
    /// the terminal showed.
    func koerPaaTerminal(_ argumenter: [String]) throws -> (kode: Int32, ud: String, terminal: String) {
        // The pty functions from libc itself: Swift's Glibc module leaves them out (they are XSI).
        func c<F>(_ navn: String, _: F.Type) -> F? { dlsym(dlopen(nil, RTLD_NOW), navn).map { unsafeBitCast($0, to: F.self) } }
        typealias Heltal = @convention(c) (Int32) -> Int32
        guard let openpt = c("posix_openpt", Heltal.self), let grant = c("grantpt", Heltal.self), let unlock = c("unlockpt", Heltal.self),
              let ptsname = c("ptsname", (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self) else {
            throw XCTSkip("ingen pseudoterminal på denne maskine")
        }
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, let navn = ptsname(master) else {
            throw XCTSkip("ingen pseudoterminal på denne maskine")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        let slave = open(String(cString: navn), O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw XCTSkip("pseudoterminalen kan ikke åbnes") }
        let p = Takstfilprogram.proces(argumenter)
        let ud = Pipe()
        p.standardOutput = ud
        let terminalside = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        p.standardError = terminalside
        try p.run()
        close(slave) // the child has its own copy; reading ends when it exits
        var skaerm = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break } // EIO (Linux) or 0 (macOS) once the child's side is closed
            skaerm.append(contentsOf: buffer[0..<n])
        }
        let udData = ud.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        close(master)
        return (p.terminationStatus, String(decoding: udData, as: UTF8.self), String(decoding: skaerm, as: UTF8.self))
    }

    func testImportOgDumpViserFremdriftPaaEnTerminal() throws {
        let a = cli.midlertidigDB(), b = cli.midlertidigDB()
        let fil = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-r.csv").path
        let dump = a + ".json"
        defer { for s in [a, b, fil, dump] { try? FileManager.default.removeItem(atPath: s) } }
        try Data("driftsherre;tilbud;aar;belaegning;regnskab_kr\nViborg Kommune;Egely;2019;10;100000\nViborg Kommune;Lindely;2019;5;50000\n".utf8)
            .write(to: URL(fileURLWithPath: fil))

        let imp = try koerPaaTerminal(["import", "regnskab", fil, "--db", a, "--region", "Midtjylland"])
        XCTAssertEqual(imp.kode, 0, imp.terminal)
        XCTAssertTrue(imp.ud.contains("2 rækker (regnskab): 2 nye"), imp.ud)
        XCTAssertTrue(imp.terminal.contains("Læser \(fil) …"), imp.terminal)
        // The file is streamed: checked and written batch by batch, the share of its bytes read as percent.
        XCTAssertTrue(imp.terminal.contains("Kontrollerer og skriver rækkerne i \(fil) …"), imp.terminal)
        XCTAssertTrue(imp.terminal.hasSuffix("Kontrollerer og skriver rækkerne i \(fil) … 100 %\r\n"), imp.terminal)

        let eks = try koerPaaTerminal(["eksport", "dump", "--db", a, "--ud", dump])
        XCTAssertEqual(eks.kode, 0, eks.terminal)
        XCTAssertTrue(eks.terminal.contains("Læser databasen …"), eks.terminal)
        XCTAssertTrue(eks.terminal.contains("Eksporteret "), eks.terminal)

        let gendan = try koerPaaTerminal(["import", "dump", dump, "--db", b])
        XCTAssertEqual(gendan.kode, 0, gendan.terminal)
        XCTAssertTrue(gendan.terminal.contains("Gendanner rækkerne … 100 %\r\n"), gendan.terminal)
        XCTAssertTrue(gendan.ud.hasPrefix("Gendannet "), gendan.ud)

        // An error starts on its own line after the progress.
        let fejl = try koerPaaTerminal(["import", "regnskab", "/findes/ikke.csv", "--db", a])
        XCTAssertEqual(fejl.kode, 1)
        XCTAssertTrue(fejl.terminal.contains("Læser /findes/ikke.csv …\r\nFejl: /findes/ikke.csv: filen findes ikke"), fejl.terminal)

        // The same import on a pipe: standard error stays empty.
        let ror = try cli.koer(["import", "regnskab", fil, "--db", a])
        XCTAssertEqual(ror.kode, 0)
        XCTAssertEqual(ror.fejl, "")
    }
}
