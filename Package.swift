// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "replylint",
    products: [
        .library(name: "ReplyLint", targets: ["ReplyLint"]),
        .executable(name: "replylint", targets: ["replylint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Build and link flags for the system ICU (Debian: libicu-dev). No Swift code imports it.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]
        ),
        // Every ICU call lives here; its public header includes no ICU header, so Foundation's
        // own ICU types never meet the system ones in a Swift module.
        .target(
            name: "ICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // Sixteen-byte scans (SSE2) for the passes that read every byte; header-only, inlined into Swift.
        .target(name: "ByteScan"),
        // Build and link flags for the system Hunspell (Debian: libhunspell-dev); spelling calls it.
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]
        ),
        .target(
            name: "ReplyLint",
            dependencies: ["ICUShim", "ByteScan", "CHunspell", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "replylint",
            dependencies: [
                "ReplyLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Suggestion speed and accuracy, spell-check throughput: `swift run -c release spelling-bench`.
        .executableTarget(
            name: "spelling-bench",
            dependencies: ["ReplyLint"],
            path: "benchmarks/spelling",
            exclude: ["README.md", "misspellings.tsv", "make_misspellings.py", "real_pairs.py"]
        ),
        .testTarget(
            name: "ReplyLintTests",
            dependencies: ["ReplyLint"],
            exclude: ["Fixtures", "Data"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
