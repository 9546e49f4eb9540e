import Foundation
import Takstregler
import XCTest

/// DOMAIN.md 6.10 (002:4016–4056): a tilbud under several målgrupper is an occurrence in each group,
/// but one tilbud — with its places once — in every total.
final class KapacitetsoversigtTests: XCTestCase {
    func testForekomsterOgUnikkeTilbud() throws {
        let poster = [
            Kapacitetsoversigt.Post(tilbudID: "a", driftsherre: "Aalborg Kommune", maalgrupper: ["autisme", "udadreagerende"],
                                    paragraffer: ["107"], ejerform: .kommunal, beliggenhedskommune: "Aalborg", doegn: 10),
            Kapacitetsoversigt.Post(tilbudID: "b", driftsherre: "Region Nordjylland", maalgrupper: ["autisme"], paragraffer: ["108"],
                                    ejerform: .regional, beliggenhedskommune: "Mariagerfjord", dag: 4, doegn: 6),
            Kapacitetsoversigt.Post(tilbudID: "c", driftsherre: "Privat", maalgrupper: [], paragraffer: ["107"], ejerform: .privat,
                                    beliggenhedskommune: nil, ambulant: 3),
        ]
        let r = Kapacitetsoversigt.opgoer(poster, efter: [.maalgruppe])
        XCTAssertEqual(r.map { "\($0.felter[0]):\($0.antalTilbud):\($0.pladser)" },
                       ["autisme:2:20", "ikke oplyst:1:3", "udadreagerende:1:10", "I alt:3:23"])
        let p = Kapacitetsoversigt.opgoer(poster, efter: [.ejerform, .beliggenhedskommune], paragraf: "107")
        XCTAssertEqual(p.map { $0.felter.joined(separator: "/") + ":\($0.antalTilbud)" },
                       ["kommunal/Aalborg:1", "privat/ikke oplyst:1", "I alt/ikke oplyst:1", "I alt/Aalborg:1", "I alt/I alt:2"], "Aalborg som Ålborg, efter z")
        XCTAssertEqual(p.last.map { [$0.dag, $0.doegn, $0.ambulant] }, [0, 10, 3])
        XCTAssertThrowsError(try Kapacitetsoversigt.Felt.liste("ejerform,ejerform"))
        XCTAssertEqual(try Kapacitetsoversigt.Felt.liste("driftsherre, paragraf"), [.driftsherre, .paragraf])
    }
}
