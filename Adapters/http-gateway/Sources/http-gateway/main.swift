// http-gateway: CloudEvents over HTTPS (mutual TLS) in, webhooks out (Adapters/http-gateway/README.md).
//   http-gateway [--config Config/adapters/kepesertaan.yaml] [--log-level info]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GerbangKit
import HTTPGateway
import Logging

// A peer closing its connection must fail the write, not kill the process.
signal(SIGPIPE, SIG_IGN)
LoggingSystem.bootstrap(StreamLogHandler.standardError)
do {
    try await AdapterRunner<HTTPGatewayAdapter>(arguments: CommandLine.arguments).run()
} catch {
    FileHandle.standardError.write(Data("http-gateway: \(error)\n".utf8))
    exit(1)
}
