// dukcapil: the population registry's adapter (Adapters/dukcapil/README.md).
//   dukcapil [--config Config/adapters/siak.yaml] [--log-level info]
import DukcapilAdapter
import GerbangKit
import Logging

LoggingSystem.bootstrap(StreamLogHandler.standardError)
try await AdapterRunner<PopulationRegistryAdapter>(arguments: CommandLine.arguments).run()
