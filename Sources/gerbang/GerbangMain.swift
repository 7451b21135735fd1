import GerbangCLI

/// The `gerbang` executable: all logic lives in the GerbangCLI library.
@main
enum GerbangMain {
    static func main() async {
        await GerbangCommand.main()
    }
}
