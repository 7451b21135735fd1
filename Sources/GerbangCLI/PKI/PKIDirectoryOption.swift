import ArgumentParser
import Trust

/// The `--dir` option shared by the `pki` subcommands.
struct PKIDirectoryOption: ParsableArguments {
    @Option(name: .customLong("dir"), help: "The development PKI folder.")
    var directory = DevelopmentPKI.defaultDirectory
}
