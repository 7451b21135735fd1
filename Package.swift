// swift-tools-version:6.1
//
// Gerbang: the interoperability gateway for Indonesian government agencies.
//
// Layering (lowest first):
//   C shims       CZeroMQ, COpenSSL            (system libraries; nothing else calls their C API)
//   Safe wrappers ZeroMQ, Trust
//   Messages      GerbangJSON → JSONSchema, Envelope → Catalogue
//   Tools         GerbangCLI (library of commands) → `gerbang` (thin executable)
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Gerbang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gerbang", targets: ["gerbang"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "GerbangJSON", targets: ["GerbangJSON"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "Envelope", targets: ["Envelope"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
        .library(name: "Trust", targets: ["Trust"]),
        .library(name: "GerbangKit", targets: ["GerbangKit"]),
        // What the tests of Gerbang and of an adapter share: child processes, HTTP probes.
        .library(name: "GerbangTesting", targets: ["GerbangTesting"]),
        // For the libFuzzer executables of the separate `Fuzz/` package (docs/fuzzing.md).
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Only for the `w1` benchmark's latency percentiles.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // Only for the PostgreSQL store (issue 10).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: Safe wrappers
        .target(
            name: "ZeroMQ",
            dependencies: ["CZeroMQ", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Trust",
            dependencies: [
                "COpenSSL", "GerbangJSON", "Envelope",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Canonical messages
        .target(name: "GerbangJSON", swiftSettings: swiftSettings),
        .target(name: "JSONSchema", dependencies: ["GerbangJSON"], swiftSettings: swiftSettings),
        .target(name: "Envelope", dependencies: ["GerbangJSON"], swiftSettings: swiftSettings),
        .target(
            name: "Catalogue",
            dependencies: ["GerbangJSON", "JSONSchema", "Envelope"],
            swiftSettings: swiftSettings
        ),

        // MARK: Broker building blocks
        // GMP/1, the wire protocol between adapters and the broker (pure codec, no sockets).
        .target(name: "GMP", swiftSettings: swiftSettings),
        .target(name: "GerbangTesting", swiftSettings: swiftSettings),
        .target(name: "Sockets", swiftSettings: swiftSettings),
        // The storage protocol and its models (no implementation).
        .target(name: "Store", swiftSettings: swiftSettings),
        // The tamper-evident audit trail: record encoding, SHA-256 hash chain, signed checkpoints,
        // verification and archives (docs/audit.md).
        .target(
            name: "Audit",
            dependencies: [
                "Trust", "Envelope",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The embedded SQLite implementation of the storage protocol.
        .target(
            name: "SQLiteStore",
            dependencies: [
                "Store", "Audit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // The PostgreSQL implementation of the storage protocol, for several brokers sharing one
        // database (docs/store.md, "PostgreSQL").
        .target(
            name: "PostgresStore",
            dependencies: [
                "Store", "Audit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Routes and subscriptions (Config/routes.yaml): who may publish what, who receives what,
        // retry policies and backoff.
        .target(
            name: "Routing",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The broker: publish pipeline, delivery, sessions (used by the `gerbangd` executable).
        .target(
            name: "Broker",
            dependencies: [
                "ZeroMQ", "GMP", "Store", "SQLiteStore", "PostgresStore", "Routing", "Envelope", "Catalogue", "Trust", "GerbangJSON",
                "Admin", "Audit", "Sockets",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // The admin protocol (requests, replies, reports, tail lines, filters, masking) and its
        // client; used by gerbangd's admin endpoint and by the `gerbang` CLI.
        .target(name: "Admin", dependencies: ["ZeroMQ"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "gerbangd",
            dependencies: [
                "Broker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Adapter SDK
        // GerbangKit: GerbangClient (GMP/1 over CURVE, async/await), the Adapter protocol and its
        // runner, typed models of the catalogue's event data (docs/writing-an-adapter.md).
        .target(
            name: "GerbangKit",
            dependencies: [
                "ZeroMQ", "GMP", "Trust", "Envelope", "GerbangJSON",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tools
        .target(
            name: "GerbangCLI",
            dependencies: [
                "GerbangJSON", "JSONSchema", "Envelope", "Catalogue", "Trust", "Routing", "Admin", "ZeroMQ", "Audit",
                "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "gerbang", dependencies: ["GerbangCLI"], swiftSettings: swiftSettings),

        // MARK: Adapters (one folder per agency under Adapters/: library, executable, tests, README)
        // dukcapil: the population registry's CSV exports → population.* events.
        .target(
            name: "DukcapilAdapter",
            dependencies: ["GerbangKit", "Catalogue", "GerbangJSON", "Envelope", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/dukcapil/Sources/DukcapilAdapter",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "dukcapil",
            dependencies: ["DukcapilAdapter", "GerbangKit", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/dukcapil/Sources/dukcapil",
            swiftSettings: swiftSettings
        ),
        // bank: a state bank's disbursement channel (socialaid.disbursement.requested → the bank's
        // HTTP API → settled/failed), with the simulated bank server it ships with.
        .target(
            name: "BankAdapter",
            dependencies: ["GerbangKit", "GerbangJSON", "Envelope", "Sockets", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/bank/Sources/BankAdapter",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "bank",
            dependencies: ["BankAdapter", "GerbangKit", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/bank/Sources/bank",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "bank-simulator",
            dependencies: ["BankAdapter", "GerbangKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Adapters/bank/Sources/bank-simulator",
            swiftSettings: swiftSettings
        ),
        // kemensos: the social-aid beneficiary register (deaths and moves in, revocations and
        // disbursement requests out, settlement results in).
        .target(
            name: "KemensosAdapter",
            dependencies: [
                "GerbangKit", "GerbangJSON", "Envelope",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Adapters/kemensos/Sources/KemensosAdapter",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "kemensos",
            dependencies: [
                "KemensosAdapter", "GerbangKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Adapters/kemensos/Sources/kemensos",
            swiftSettings: swiftSettings
        ),

        // Sample data for the demo and the end-to-end test: a beneficiary register seed and
        // civil-registration exports that agree with it (`adapter-samples` writes Config/samples/).
        .target(
            name: "AdapterSamples",
            dependencies: ["BankAdapter"],
            path: "Adapters/samples/Sources/AdapterSamples",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "adapter-samples",
            dependencies: ["AdapterSamples", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Adapters/samples/Sources/adapter-samples",
            swiftSettings: swiftSettings
        ),

        // http-gateway: CloudEvents over HTTPS with mutual TLS in, webhooks out, for agencies that only
        // speak HTTPS (Adapters/http-gateway/README.md).
        .target(
            name: "HTTPGateway",
            dependencies: ["GerbangKit", "Trust", "Envelope", "GerbangJSON", "GMP", "Sockets",
                           .product(name: "Logging", package: "swift-log")],
            path: "Adapters/http-gateway/Sources/HTTPGateway",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "http-gateway",
            dependencies: ["HTTPGateway", "GerbangKit", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/http-gateway/Sources/http-gateway",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPGatewayTests",
            dependencies: ["HTTPGateway", "GerbangKit", "GerbangTesting", "Sockets", "Trust", "Envelope", "GerbangJSON", "GMP",
                           .product(name: "Logging", package: "swift-log")],
            path: "Adapters/http-gateway/Tests/HTTPGatewayTests",
            swiftSettings: swiftSettings
        ),

        // example: scaffolded by `gerbang adapter new example` (docs/writing-an-adapter.md).
        .target(
            name: "ExampleAdapter",
            dependencies: ["GerbangKit", "Envelope", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/example/Sources/ExampleAdapter",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "example-adapter",
            dependencies: ["ExampleAdapter", "GerbangKit", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/example/Sources/example-adapter",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExampleAdapterTests",
            dependencies: ["ExampleAdapter", "GerbangKit", "Envelope"],
            path: "Adapters/example/Tests/ExampleAdapterTests",
            swiftSettings: swiftSettings
        ),

        // MARK: Benchmarks (run with `swift run -c release <name>`, see docs/benchmarks.md)
        .target(name: "ZMQRawLoop", dependencies: ["CZeroMQ"], path: "Benchmarks/ZMQRawLoop"),
        .executableTarget(
            name: "zmq-throughput",
            dependencies: ["ZeroMQ", "ZMQRawLoop"],
            path: "Benchmarks/ZMQThroughput",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "schema-validate",
            dependencies: ["JSONSchema", "GerbangJSON", "Catalogue"],
            path: "Benchmarks/SchemaValidate",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "trust-verify",
            dependencies: ["Trust", "GerbangJSON"],
            path: "Benchmarks/TrustVerify",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "json-throughput",
            dependencies: ["GerbangJSON"],
            path: "Benchmarks/JSONThroughput",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "store-append",
            dependencies: ["SQLiteStore", "Store", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/StoreAppend",
            swiftSettings: swiftSettings
        ),

        // Broker end to end: a release `gerbangd` child process, one publisher, two subscribers.
        .executableTarget(
            name: "w1",
            dependencies: [
                "ZeroMQ", "GMP", "Envelope", "Trust", "GerbangJSON", "GerbangTesting",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            path: "Benchmarks/W1",
            swiftSettings: swiftSettings
        ),

        // Broker throughput with and without a stalled `gerbang tail` (issue 7), same run.
        .executableTarget(
            name: "tail-cost",
            dependencies: ["Admin", "ZeroMQ", "GMP", "Envelope", "Trust", "GerbangTesting"],
            path: "Benchmarks/TailCost",
            swiftSettings: swiftSettings
        ),

        // GerbangClient publishing vs a raw GMP/1 loop over the binding, same broker, same run.
        .executableTarget(
            name: "kit-publish",
            dependencies: ["GerbangKit", "ZeroMQ", "GMP", "Envelope", "Trust", "GerbangTesting",
                           .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/KitPublish",
            swiftSettings: swiftSettings
        ),

        // MARK: Fuzzing (docs/fuzzing.md)
        // The parsers' fuzz targets as plain functions: run by the libFuzzer executables of the
        // separate `Fuzz/` package, replayed over the committed corpora by FuzzTargetsTests.
        .target(
            name: "FuzzTargets",
            dependencies: ["GMP", "GerbangJSON", "Envelope", "Trust", "JSONSchema"],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        // Appends in a loop and prints each confirmed sequence; killed with SIGKILL by SQLiteStoreTests.
        .executableTarget(
            name: "store-crash-probe",
            dependencies: ["SQLiteStore", "Store", .product(name: "Logging", package: "swift-log")],
            path: "Tests/StoreCrashProbe",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroMQTests",
            dependencies: ["ZeroMQ", "CZeroMQ", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "GerbangJSONTests", dependencies: ["GerbangJSON"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "GerbangJSON"], swiftSettings: swiftSettings),
        .testTarget(name: "EnvelopeTests", dependencies: ["Envelope", "GerbangJSON"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CatalogueTests",
            dependencies: ["Catalogue", "JSONSchema", "Envelope", "GerbangJSON"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TrustTests", dependencies: ["Trust", "Envelope", "GerbangJSON"], swiftSettings: swiftSettings),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], swiftSettings: swiftSettings),
        .testTarget(name: "GMPTests", dependencies: ["GMP"], exclude: ["Vectors"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SQLiteStoreTests",
            dependencies: [
                "SQLiteStore", "Store", "PostgresStore", "Audit", "GerbangTesting",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BrokerTests",
            dependencies: ["Broker", "ZeroMQ", "GMP", "Store", "SQLiteStore", "PostgresStore", "Trust", "Envelope", "GerbangJSON",
                           "GerbangTesting", "Audit", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "GerbangCLITests", dependencies: ["GerbangCLI"], swiftSettings: swiftSettings),
        .testTarget(name: "AdminTests", dependencies: ["Admin"], swiftSettings: swiftSettings),
        // The audit trail against a real SQLite store and real OpenSSL (the gerbangd end-to-end test is in BrokerTests).
        .testTarget(
            name: "AuditTests",
            dependencies: [
                "Audit", "Broker", "SQLiteStore", "PostgresStore", "Store", "Trust", "Envelope", "GerbangJSON", "GerbangTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DukcapilAdapterTests",
            dependencies: ["DukcapilAdapter", "AdapterSamples", "GerbangKit", "Catalogue", "GerbangJSON", "Envelope", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/dukcapil/Tests/DukcapilAdapterTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BankAdapterTests",
            dependencies: ["BankAdapter", "GerbangJSON", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/bank/Tests/BankAdapterTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KemensosAdapterTests",
            dependencies: ["KemensosAdapter", .product(name: "Logging", package: "swift-log")],
            path: "Adapters/kemensos/Tests/KemensosAdapterTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GerbangKitTests",
            dependencies: [
                "GerbangKit", "Catalogue", "Envelope", "GerbangJSON", "Trust", "ZeroMQ", "GMP", "GerbangTesting",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The first acceptance point of the adapters: real gerbangd, dukcapil, kemensos, bank and
        // bank-simulator processes (built by `swift build --build-tests`).
        .testTarget(
            name: "AdaptersEndToEndTests",
            dependencies: ["AdapterSamples", "DukcapilAdapter", "KemensosAdapter", "GerbangTesting"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
