// bank: a state bank's bansos disbursement channel (Adapters/bank/README.md).
//   bank [--config Config/adapters/disbursement.yaml] [--log-level info]
import BankAdapter
import GerbangKit
import Logging

LoggingSystem.bootstrap(StreamLogHandler.standardError)
try await AdapterRunner<DisbursementChannelAdapter>(arguments: CommandLine.arguments).run()
