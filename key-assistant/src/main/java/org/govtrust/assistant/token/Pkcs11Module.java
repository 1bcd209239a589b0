package org.govtrust.assistant.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;

/** One PKCS#11 library (a USB key driver): its initialised token slots, and a SunPKCS11 provider per slot. */
public final class Pkcs11Module {

	private static final Map<String, Pkcs11Module> MODULES = new ConcurrentHashMap<>();

	private final String library;

	private final Cryptoki cryptoki;

	private final Map<Long, SlotProvider> providers = new HashMap<>();

	private record SlotProvider(String serial, Provider provider, ReentrantLock lock) {
	}

	private Pkcs11Module(String library) {
		this.library = library;
		this.cryptoki = Cryptoki.load(library);
	}

	/** The module for a library path (loaded once per process). */
	public static Pkcs11Module of(Path library) {
		if (!Files.isRegularFile(library)) {
			throw new AssistantException(Problem.TOKEN_ABSENT, Msg.of(
					"找不到 PKCS#11 库 " + library + "。请安装 USB key 驱动，或用 --pkcs11-library 指定正确的路径。",
					"PKCS#11 library " + library
							+ " not found. Install the USB key driver, or give the right path with --pkcs11-library."));
		}
		// one spelling per library: the JDK caches the initialised module by this exact string
		String path = library.toAbsolutePath().normalize().toString().replace('\\', '/');
		return MODULES.computeIfAbsent(path, Pkcs11Module::new);
	}

	public String library() {
		return library;
	}

	Cryptoki cryptoki() {
		return cryptoki;
	}

	/** Every slot holding an initialised token. */
	public List<Pkcs11Token> tokens() {
		List<Pkcs11Token> tokens = new ArrayList<>();
		for (long slot : cryptoki.slotsWithToken()) {
			Cryptoki.TokenInfo info;
			try {
				info = cryptoki.tokenInfo(slot);
			}
			catch (Cryptoki.CryptokiException e) {
				continue; // removed while listing
			}
			if ((info.flags() & Cryptoki.CKF_TOKEN_INITIALIZED) != 0) {
				tokens.add(new Pkcs11Token(this, slot, info));
			}
		}
		return tokens;
	}

	/** The SunPKCS11 provider for a slot, with a lock that serialises logins on that token. */
	synchronized Provider provider(long slot, String serial) {
		return slotProvider(slot, serial).provider();
	}

	synchronized ReentrantLock lock(long slot, String serial) {
		return slotProvider(slot, serial).lock();
	}

	private SlotProvider slotProvider(long slot, String serial) {
		SlotProvider existing = providers.get(slot);
		if (existing != null && existing.serial().equals(serial)) {
			return existing;
		}
		// Generated private keys: sensitive and not extractable (they never leave the token).
		String config = "--name = GovTrust-" + slot + "\n" + "library = \"" + library + "\"\n" + "slot = " + slot + "\n"
				+ "attributes(generate, CKO_PRIVATE_KEY, *) = {\n" + "  CKA_SENSITIVE = true\n"
				+ "  CKA_EXTRACTABLE = false\n" + "}\n";
		Provider base = Security.getProvider("SunPKCS11");
		if (base == null) {
			throw AssistantException.of(Problem.TOKEN_ERROR, "此 Java 运行环境没有 SunPKCS11。请安装完整的 Java 17 或更新版本。",
					"This Java runtime has no SunPKCS11 provider. Install a full Java 17 or newer.");
		}
		SlotProvider created = new SlotProvider(serial, base.configure(config), new ReentrantLock());
		providers.put(slot, created);
		return created;
	}
}
