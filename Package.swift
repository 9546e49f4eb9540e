// swift-tools-version:6.0
import PackageDescription

// Modules, from the inside out; each has one reason to exist (docs/ARCHITECTURE.md draws the graph,
// and these dependency lists are what the compiler enforces):
//   Takstregler    – every rule of DOMAIN.md as pure functions and value types (Foundation only)
//   Filformater    – files in and out: CSV tokenizer and import schemas, JSON of the models,
//                    XLSX read/write, Importfejl, a file's SHA-256 (Takstregler, ZIPFoundation, Crypto)
//   Lager          – storage: Fluent models, numbered migrations, transactional writes + audit
//                    (FluentKit and the two drivers; no Vapor)
//   Udskrift       – the published tables as rows and columns, one definition for web and CLI
//   Demo           – demo data, the national data generator, demo accounts (no Vapor)
//   Web            – Vapor: configure, routes, controllers, Plot views, security
//   Kommandolinje  – swift-argument-parser commands; wires `serve --demo` (Web + Demo)
//   takstfil       – the executable; only starts Kommandolinje
let package = Package(
    name: "Takstfil",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "takstfil", targets: ["takstfil"]),
        .library(name: "Takstregler", targets: ["Takstregler"]),
    ],
    // Exact versions: Package.resolved is not kept on these machines (the local package copies' commit
    // ids are not GitHub's), so the manifest itself names what was built and tested.
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", exact: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        // Already in the graph through Vapor; Filformater hashes imported files with its SHA-256.
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    ],
    targets: [
        .target(name: "Takstregler"),
        .target(name: "Filformater", dependencies: ["Takstregler", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "Lager",
            dependencies: [
                "Takstregler",
                "Filformater",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .target(name: "Udskrift", dependencies: ["Takstregler", "Filformater", "Lager"]),
        .target(name: "Demo", dependencies: ["Takstregler", "Filformater", "Lager"]),
        .target(
            name: "Web",
            dependencies: [
                "Takstregler",
                "Filformater",
                "Lager",
                "Udskrift",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "Kommandolinje",
            dependencies: [
                "Takstregler",
                "Filformater",
                "Lager",
                "Udskrift",
                "Demo",
                "Web",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "takstfil", dependencies: ["Kommandolinje"]),
        .testTarget(name: "TakstreglerTests", dependencies: ["Takstregler", "Filformater"], resources: [.copy("Fixtures")]),
        // Shared by the test targets: runs a scenario on SQLite and on PostgreSQL.
        .target(name: "Testhjaelp", dependencies: ["Lager"], path: "Tests/Testhjaelp"),
        .testTarget(name: "LagerTests", dependencies: ["Lager", "Takstregler", "Filformater", "Testhjaelp", .product(name: "FluentKit", package: "fluent-kit")]),
        .testTarget(
            name: "AppTests",
            dependencies: ["Web", "Kommandolinje", "Demo", "Udskrift", "Filformater", "Lager", "Testhjaelp",
                           .product(name: "Fluent", package: "fluent"),
                           .product(name: "XCTVapor", package: "vapor"),
                           // Tests build workbooks Excel would write (formulas with saved values) from XLSXSkriver's parts.
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
