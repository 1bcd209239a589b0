package org.govtrust.assistant.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Problem;

/** "--name value", "--name=value" and boolean "--flag" options after the command words. */
final class Options {

	/** Options that take no value. */
	static final Set<String> FLAGS = Set.of("pem", "help");

	/** Options that may be given several times. */
	static final Set<String> REPEATABLE = Set.of("pkcs11-library", "pkcs12", "allow-origin");

	static final Set<String> KNOWN = Set.of("pkcs11-library", "pkcs12", "state-dir", "max-pin-tries", "token", "alias",
			"pin", "new-pin", "so-pin", "out", "pem", "algorithm", "subject", "cert", "code", "server", "port",
			"allow-origin", "file", "help");

	private final List<String> words = new ArrayList<>();

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	static Options parse(String[] args) {
		Options options = new Options();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				options.words.add(arg);
				continue;
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (!KNOWN.contains(name)) {
				throw AssistantException.of(Problem.BAD_REQUEST, "未知选项 --" + name + "。运行 help 查看所有命令和选项。",
						"Unknown option --" + name + ". Run help to see every command and option.");
			}
			if (FLAGS.contains(name)) {
				value = value == null ? "true" : value;
			}
			else if (value == null) {
				if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
					throw AssistantException.of(Problem.BAD_REQUEST, "选项 --" + name + " 缺少值。", "Option --" + name + " needs a value.");
				}
				value = args[++i];
			}
			List<String> list = options.values.computeIfAbsent(name, key -> new ArrayList<>());
			if (!list.isEmpty() && !REPEATABLE.contains(name)) {
				throw AssistantException.of(Problem.BAD_REQUEST, "选项 --" + name + " 只能给一次。", "Option --" + name + " may be given once only.");
			}
			list.add(value);
		}
		return options;
	}

	List<String> words() {
		return words;
	}

	String get(String name) {
		List<String> list = values.get(name);
		return list == null ? null : list.get(0);
	}

	String require(String name, String zhExample, String enExample) {
		String value = get(name);
		if (value == null || value.isBlank()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "缺少选项 --" + name + "，例如：" + zhExample,
					"Option --" + name + " is missing, e.g. " + enExample);
		}
		return value;
	}

	List<String> all(String name) {
		return values.getOrDefault(name, List.of());
	}

	boolean flag(String name) {
		return "true".equalsIgnoreCase(get(name));
	}

	boolean has(String name) {
		return values.containsKey(name);
	}
}
