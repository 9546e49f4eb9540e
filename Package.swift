// swift-tools-version:6.0
import PackageDescription

// Modules, from the inside out (docs/ARCHITECTURE.md):
//   Takstregler  – every rule of DOMAIN.md as pure functions and value types (Foundation only)
//   Regneark     – XLSX read/write for imports and exports (ZIPFoundation)
//   Lager        – storage: Fluent models, numbered migrations, transactional writes + audit
//   App          – Vapor: configure, routes, controllers, Plot views, CLI commands
//   takstfil     – the executable; only parses the command line
let package = Package(
    name: "Takstfil",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "takstfil", targets: ["takstfil"]),
        .library(name: "Takstregler", targets: ["Takstregler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "Takstregler"),
        // XLSX read and write (ZIPFoundation + the XML parser); no server dependency.
        .target(name: "Regneark", dependencies: ["Takstregler", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "Lager",
            dependencies: [
                "Takstregler",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "Takstregler",
                "Lager",
                "Regneark",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "takstfil", dependencies: ["App"]),
        .testTarget(name: "TakstreglerTests", dependencies: ["Takstregler"], resources: [.copy("Fixtures")]),
        // Shared by the test targets: runs a scenario on SQLite and on PostgreSQL.
        .target(name: "Testhjaelp", dependencies: ["Lager"], path: "Tests/Testhjaelp"),
        .testTarget(name: "LagerTests", dependencies: ["Lager", "Takstregler", "Testhjaelp"]),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Lager", "Testhjaelp", .product(name: "XCTVapor", package: "vapor")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
