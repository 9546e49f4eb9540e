import Foundation
import Takstregler

extension Lager {
    /// A tilbud's provisions (DOMAIN.md 6.2), from the regulation lines of its approved and published
    /// takster (the version in force of each level and period), oldest first.
    public func hensaettelser(tilbudID: UUID) async throws -> [Hensaettelse] {
        let besluttede = try await versioner(tilbudID: tilbudID).filter { $0.status == .godkendt || $0.status == .offentliggjort }
        return Hensaettelser.fra(Takstniveau.gaeldende(besluttede, \.niveau).flatMap(\.niveau.grundlag.reguleringer))
    }
}
