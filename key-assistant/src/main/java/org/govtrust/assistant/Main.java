package org.govtrust.assistant;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.govtrust.assistant.cli.Cli;
import org.govtrust.assistant.crypto.Bc;

/** {@code java -jar key-assistant.jar <command> [options]}. */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		// Chinese text must not turn into "?" on consoles whose default charset is ASCII
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		Bc.provider();
		int code = new Cli(out, err, System.in, System.getenv(), Clock.systemUTC()).run(args);
		out.flush();
		err.flush();
		System.exit(code);
	}
}
