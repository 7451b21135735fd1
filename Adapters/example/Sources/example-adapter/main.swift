// The `example` adapter executable: `swift run example-adapter [--config Config/adapters/example.yaml] [--log-level info]`.
import GerbangKit
import Logging
import ExampleAdapter

LoggingSystem.bootstrap(StreamLogHandler.standardError)
try await AdapterRunner<ExampleAdapter>(arguments: CommandLine.arguments).run()
