// swift-tools-version:5.4
//
// Gerbang's libFuzzer executables, one per fuzz target of the root package's `FuzzTargets`
// library (docs/fuzzing.md). A separate package so that the main build and CI never build
// fuzzer-only executables. Build it only with the sanitizer flags:
//
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links every executable on Linux with
// `--defsym main=<module>_main` (testable executables), a symbol `-parse-as-library` never emits,
// so the link fails; libFuzzer must supply `main` itself
// (https://github.com/swiftlang/swift-package-manager/issues/8731). The executables are one
// function each, so Swift 5 language mode costs nothing.
import PackageDescription

let targets = ["gmp", "json", "envelope", "jws", "certificate", "schema"]

let package = Package(
    name: "GerbangFuzz",
    products: targets.map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) },
    dependencies: [.package(name: "Gerbang", path: "..")],
    targets: targets.map {
        .executableTarget(
            name: "fuzz-\($0)",
            dependencies: [.product(name: "FuzzTargets", package: "Gerbang")]
        )
    }
)
