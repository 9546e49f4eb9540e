import Foundation

/// Where a sign-in may send the browser next: only a path on this site. A `naeste` that a browser
/// could read as another host (`//x`, `/\x`, `/\/x`, `https://x`, the same percent-encoded, control
/// characters) is refused and the user lands on their start page instead (open redirect).
enum LokaltMaal {
    static func sikkert(_ naeste: String) -> String? {
        guard !naeste.isEmpty, naeste.count <= 2000 else { return nil }
        // Checked as written and percent-decoded (twice: a proxy or browser may decode once more).
        var former = [naeste]
        if let en = naeste.removingPercentEncoding {
            former.append(en)
            if let to = en.removingPercentEncoding { former.append(to) }
        }
        for f in former {
            guard f.hasPrefix("/"), !f.hasPrefix("//"), !f.contains("\\"),
                  !f.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == " " }),
                  !f.hasPrefix("/log-ind") else { return nil }
        }
        return naeste
    }
}
