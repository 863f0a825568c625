package io.protoguard.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;

/** {@code protoguard hash-password}: reads a password (not echoed on a terminal) and prints its {bcrypt} hash for configuration. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print the {bcrypt} hash of a password read from the terminal or standard input, "
                + "for protoguard.security.users.<name>.password.")
final class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 12) {
            System.err.println("protoguard: a password has at least 12 characters");
            return ExitCodes.INPUT_ERRORS;
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        return 0;
    }
}
