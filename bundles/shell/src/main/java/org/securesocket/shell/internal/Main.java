package org.securesocket.shell.internal;

import java.util.List;
import org.securesocket.shell.CommandContext;
import org.securesocket.shell.CommandTable;

/** The {@code securesocket} command line; the launcher script at the repository root calls it. */
public final class Main {

    private Main() {
    }

    /** Every subcommand, in the order {@code help} lists them: add a new command here. */
    static CommandTable table() {
        return new CommandTable("securesocket", List.of(
                new DemoCommand(),
                new GatewayCommand(),
                new ConnectCommand(),
                TransformCommand.pemToDer(),
                TransformCommand.pkcs8()));
    }

    public static void main(String[] args) {
        int status = table().run(List.of(args), CommandContext.system());
        System.out.flush();
        System.exit(status);
    }
}
