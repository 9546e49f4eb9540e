import Foundation

/// Where an import's typed rows come from, a batch at a time: a file streamed from disk
/// (`CSVIndlaesning`) or rows already in memory (`Raekkeliste`: a workbook's sheet, tests).
/// Storage writes each batch as it comes, inside the import's one transaction.
public protocol Raekkekilde<Raekke>: AnyObject, Sendable {
    associatedtype Raekke: Sendable
    var fil: String { get }
    /// The next batch of accepted rows, nil at the end. At the end every refused row is thrown
    /// at once (`Importfejlliste`), so a caller that wrote the batches rolls back.
    func naeste() throws -> [Raekke]?
    /// A row has been refused: what is read from here on is only checked, so every problem is reported.
    var harFejl: Bool { get }
    /// The SHA-256 of the file's bytes (known at the end for a streamed file), for the audit event.
    var sha256: String? { get }
    /// From the start again (a SQLite transaction that met a busy database is run again).
    func spolTilbage() throws
    /// The number of rows when known before reading (rows in memory), else 0.
    var antalKendt: Int { get }
    /// The rows to expect: known, or estimated from a streamed file's first piece once the first
    /// batch is read (0 before) — room for the per-import maps at once instead of growing them.
    var anslaaetAntal: Int { get }
    /// How far the reading has come, for a progress line: rows or bytes, of how many.
    var forloeb: (faerdige: Int, iAlt: Int) { get }
}

/// Rows already read, as one batch.
public final class Raekkeliste<R: Sendable>: Raekkekilde, @unchecked Sendable {
    public let fil: String
    public let sha256: String?
    private let raekker: [R]
    private var givet = false

    public init(_ raekker: [R], fil: String, sha256: String? = nil) {
        self.raekker = raekker
        self.fil = fil
        self.sha256 = sha256
    }

    public var antalKendt: Int { raekker.count }
    public var anslaaetAntal: Int { raekker.count }
    public var forloeb: (faerdige: Int, iAlt: Int) { (givet ? raekker.count : 0, raekker.count) }
    public var harFejl: Bool { false }

    public func naeste() throws -> [R]? {
        defer { givet = true }
        return givet ? nil : raekker
    }

    public func spolTilbage() throws { givet = false }
}

/// A CSV file streamed from disk as typed rows (issue 17 part 4): pieces of bytes are decoded
/// (`Tekststroem`), split into rows (`CSVDeler`) and read a batch at a time with the format's
/// row reader — the same checks and messages as reading the whole text (`CSVTabel.laesAlle`).
/// Memory holds one piece, one batch and the per-file keys (`Raekkekontrol`), whatever the file's size.
public final class CSVIndlaesning<T: Sendable>: Raekkekilde, @unchecked Sendable {
    public typealias Raekke = T
    public let fil: String
    let sti: String
    let format: Raekkeformat<T>
    let batch: Int
    let stykke: Int
    private var stroem: Tekststroem
    private var deler: CSVDeler
    private var hoved: CSVTabel?
    private var kontrol: Raekkekontrol<T>
    private var ventende: [(nummer: Int, celler: [String])] = []
    private var slut = false
    private var paabegyndt = false
    private var anslaaet = false
    /// Data rows read so far (refused ones included).
    public private(set) var raekker = 0
    public private(set) var anslaaetAntal = 0

    /// Rows in the first batch at most.
    static var foersteBatch: Int { 1_024 }

    /// `batch`: rows per batch; `stykke`: bytes per read (small values are for tests).
    public init(sti: String, fil: String? = nil, format: Raekkeformat<T>, batch: Int = 4_096, stykke: Int = 1 << 20) throws {
        self.fil = fil ?? sti
        self.sti = sti
        self.format = format
        self.batch = max(1, batch)
        self.stykke = stykke
        stroem = try Tekststroem(sti: sti, fil: fil ?? sti, stykke: stykke)
        deler = CSVDeler(fil: fil ?? sti)
        kontrol = Raekkekontrol(format)
    }

    public var tegnsaet: Tegnsaet { stroem.tegnsaet }
    public var sha256: String? { stroem.sha256 }
    public var harFejl: Bool { !kontrol.fejl.isEmpty }
    public var antalKendt: Int { 0 }
    /// Bytes read of the file's size.
    public var forloeb: (faerdige: Int, iAlt: Int) { (stroem.laest, stroem.laengde) }

    public func spolTilbage() throws {
        guard paabegyndt else { return }
        paabegyndt = false
        stroem = try Tekststroem(sti: sti, fil: fil, stykke: stykke)
        deler = CSVDeler(fil: fil)
        kontrol = Raekkekontrol(format)
        hoved = nil
        ventende = []
        slut = false
        anslaaet = false
        anslaaetAntal = 0
        raekker = 0
    }

    public func naeste() throws -> [T]? {
        paabegyndt = true
        while true {
            // The first batch is smaller: the database starts on it sooner (PostgreSQL's COPY of
            // a small file's batches is an import's critical path once the first one is sent).
            let batch = raekker == 0 ? min(self.batch, CSVIndlaesning.foersteBatch) : self.batch
            if let hoved, ventende.count >= batch || (slut && !ventende.isEmpty) {
                let n = min(batch, ventende.count)
                let (rene, fejl) = hoved.normaliser(ventende.prefix(n))
                ventende.removeFirst(n)
                raekker += rene.count
                kontrol.tilfoej(fejl)
                return try kontrol.laes(hoved.med(rene))
            }
            if slut {
                if hoved == nil { throw Importfejl(fil: fil, besked: "filen er tom") }
                try kontrol.afslut()
                return nil
            }
            if let stykke = try stroem.naeste() {
                deler.tilfoej(stykke)
                if !anslaaet, stroem.laest > 0 {
                    // Rows in the first piece × the file's size: the per-file keys get their room at once.
                    anslaaet = true
                    let skoen = Double(deler.antalFaerdige) * Double(stroem.laengde) / Double(stroem.laest)
                    anslaaetAntal = Int(min(skoen * 1.05, 50_000_000))
                    kontrol.forventer(anslaaetAntal)
                }
            } else {
                slut = true
                if let f = deler.slut() { kontrol.tilfoej([f]) }
            }
            ventende += deler.tag()
            if hoved == nil, let i = ventende.firstIndex(where: { !CSVTabel.erTom($0.celler) }) {
                var fejl: [Importfejl] = []
                hoved = CSVTabel(fil: fil, hoved: ventende[i], format: format.format, separator: deler.tegn ?? ";", fejl: &fejl)
                ventende.removeFirst(i + 1)
                // Without its columns no row can be read: the header's problems are reported alone.
                if !fejl.isEmpty { throw Importfejlliste(fejl) }
            } else if hoved == nil, slut, !kontrol.fejl.isEmpty {
                try kontrol.afslut()
            }
        }
    }
}
