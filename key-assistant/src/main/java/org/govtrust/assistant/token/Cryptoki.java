package org.govtrust.assistant.token;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;

/**
 * The few raw PKCS#11 calls SunPKCS11 does not offer (slot and token listing, object search, SO login), made
 * through the JDK's own wrapper ({@code sun.security.pkcs11.wrapper}, exported to the assistant by the jar's
 * {@code Add-Exports} manifest entry). Reflection keeps the code compilable with {@code --release 17}. The
 * JDK wrapper caches one initialised module per library path, shared with every SunPKCS11 provider using that
 * path, so sessions and login state here are the same as the provider's.
 */
final class Cryptoki {

	static final long CKF_TOKEN_INITIALIZED = 0x400L;

	static final long CKF_RW_SESSION = 0x2L;

	static final long CKF_SERIAL_SESSION = 0x4L;

	static final long CKU_SO = 0L;

	static final long CKU_USER = 1L;

	static final long CKA_CLASS = 0x0L;

	static final long CKA_TOKEN = 0x1L;

	static final long CKA_LABEL = 0x3L;

	static final long CKA_VALUE = 0x11L;

	static final long CKA_ID = 0x102L;

	static final long CKA_SENSITIVE = 0x103L;

	static final long CKA_EXTRACTABLE = 0x162L;

	static final long CKO_CERTIFICATE = 0x1L;

	static final long CKO_PRIVATE_KEY = 0x3L;

	static final long CKR_PIN_INCORRECT = 0xA0L;

	static final long CKR_PIN_INVALID = 0xA1L;

	static final long CKR_PIN_LEN_RANGE = 0xA2L;

	static final long CKR_PIN_LOCKED = 0xA4L;

	static final long CKR_USER_ALREADY_LOGGED_IN = 0x100L;

	private static final String WRAPPER = "sun.security.pkcs11.wrapper.";

	private final Object p11;

	private final Class<?> attributeClass;

	private Cryptoki(Object p11) throws ReflectiveOperationException {
		this.p11 = p11;
		this.attributeClass = Class.forName(WRAPPER + "CK_ATTRIBUTE");
	}

	/** Loads and initialises the PKCS#11 library (once per path per JVM, shared with SunPKCS11). */
	static Cryptoki load(String library) {
		try {
			Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
			Class<?> initArgsClass = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
			Method getInstance = pkcs11.getMethod("getInstance", String.class, String.class, initArgsClass,
					boolean.class);
			Object initArgs = initArgsClass.getConstructor().newInstance();
			initArgsClass.getField("flags").setLong(initArgs, 0x2L); // CKF_OS_LOCKING_OK, as SunPKCS11 does
			try {
				return new Cryptoki(invoke(getInstance, null, library, "C_GetFunctionList", initArgs, false));
			}
			catch (CryptokiException e) {
				return new Cryptoki(invoke(getInstance, null, library, "C_GetFunctionList", null, false));
			}
		}
		catch (IllegalAccessException e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of(
					"无法访问 JDK 的 PKCS#11 接口。请用 java -jar key-assistant.jar 运行（或加 JVM 参数 "
							+ "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED）。",
					"Cannot reach the JDK's PKCS#11 wrapper. Run with java -jar key-assistant.jar (or add the JVM option "
							+ "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED)."),
					e);
		}
		catch (ReflectiveOperationException e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of(
					"此 Java 运行环境没有 PKCS#11 支持（jdk.crypto.cryptoki）。请安装完整的 Java 17 或更新版本。",
					"This Java runtime has no PKCS#11 support (jdk.crypto.cryptoki). Install a full Java 17 or newer."),
					e);
		}
		catch (CryptokiException e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of(
					"无法初始化 PKCS#11 库 " + library + "（" + e.getMessage() + "）。请确认 USB key 驱动已安装且路径正确。",
					"Cannot initialise the PKCS#11 library " + library + " (" + e.getMessage()
							+ "). Check that the USB key driver is installed and the path is right."),
					e);
		}
	}

	record TokenInfo(String label, String serial, long flags, long minPinLength, long maxPinLength) {
	}

	long[] slotsWithToken() {
		return (long[]) call("C_GetSlotList", new Class<?>[] { boolean.class }, true);
	}

	TokenInfo tokenInfo(long slot) {
		Object info = call("C_GetTokenInfo", new Class<?>[] { long.class }, slot);
		try {
			Class<?> type = info.getClass();
			return new TokenInfo(new String((char[]) type.getField("label").get(info)).trim(),
					new String((char[]) type.getField("serialNumber").get(info)).trim(),
					type.getField("flags").getLong(info), type.getField("ulMinPinLen").getLong(info),
					type.getField("ulMaxPinLen").getLong(info));
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	long openSession(long slot, boolean readWrite) {
		long flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
		Class<?> notify = type("CK_NOTIFY");
		return (Long) call("C_OpenSession", new Class<?>[] { long.class, long.class, Object.class, notify }, slot,
				flags, null, null);
	}

	void closeSession(long session) {
		try {
			call("C_CloseSession", new Class<?>[] { long.class }, session);
		}
		catch (CryptokiException e) {
			// already gone (token removed): nothing to release
		}
	}

	void login(long session, long userType, char[] pin) {
		call("C_Login", new Class<?>[] { long.class, long.class, char[].class }, session, userType, pin);
	}

	void logout(long session) {
		call("C_Logout", new Class<?>[] { long.class }, session);
	}

	/** Handles of the objects matching the template; values are Long, Boolean or byte[]. */
	List<Long> findObjects(long session, long[] types, Object[] values) {
		Object template = java.lang.reflect.Array.newInstance(attributeClass, types.length);
		for (int i = 0; i < types.length; i++) {
			java.lang.reflect.Array.set(template, i, attribute(types[i], values[i]));
		}
		Class<?> arrayType = template.getClass();
		call("C_FindObjectsInit", new Class<?>[] { long.class, arrayType }, session, template);
		List<Long> handles = new ArrayList<>();
		try {
			while (true) {
				long[] found = (long[]) call("C_FindObjects", new Class<?>[] { long.class, long.class }, session,
						64L);
				if (found == null || found.length == 0) {
					break;
				}
				for (long handle : found) {
					handles.add(handle);
				}
			}
		}
		finally {
			call("C_FindObjectsFinal", new Class<?>[] { long.class }, session);
		}
		return handles;
	}

	/** Attribute values (byte[], char[], Boolean, Long ... as the JDK wrapper returns them). */
	Object[] attributes(long session, long object, long... types) {
		Object template = java.lang.reflect.Array.newInstance(attributeClass, types.length);
		for (int i = 0; i < types.length; i++) {
			java.lang.reflect.Array.set(template, i, attribute(types[i], null));
		}
		call("C_GetAttributeValue", new Class<?>[] { long.class, long.class, template.getClass() }, session,
				object, template);
		Object[] values = new Object[types.length];
		try {
			for (int i = 0; i < types.length; i++) {
				values[i] = attributeClass.getField("pValue").get(java.lang.reflect.Array.get(template, i));
			}
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
		return values;
	}

	static String text(Object value) {
		if (value instanceof char[] chars) {
			return new String(chars);
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return value == null ? null : value.toString();
	}

	static boolean bool(Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof byte[] bytes) {
			return bytes.length > 0 && bytes[0] != 0;
		}
		return false;
	}

	private Object attribute(long type, Object value) {
		try {
			if (value == null) {
				return attributeClass.getConstructor(long.class).newInstance(type);
			}
			if (value instanceof Boolean b) {
				return attributeClass.getConstructor(long.class, boolean.class).newInstance(type, b);
			}
			if (value instanceof Long l) {
				return attributeClass.getConstructor(long.class, long.class).newInstance(type, l);
			}
			Constructor<?> constructor = attributeClass.getConstructor(long.class, Object.class);
			return constructor.newInstance(type, value);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Class<?> type(String name) {
		try {
			return Class.forName(WRAPPER + name);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	private Object call(String name, Class<?>[] types, Object... args) {
		try {
			return invoke(p11.getClass().getMethod(name, types), p11, args);
		}
		catch (NoSuchMethodException | IllegalAccessException e) {
			throw new IllegalStateException("JDK PKCS#11 wrapper: " + name, e);
		}
	}

	private static Object invoke(Method method, Object target, Object... args) throws IllegalAccessException {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			Throwable cause = e.getCause();
			CryptokiException mapped = CryptokiException.from(cause);
			if (mapped != null) {
				throw mapped;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(cause);
		}
	}

	/** A PKCS#11 error (CKR_* code) from the JDK wrapper. */
	static final class CryptokiException extends RuntimeException {

		private final long code;

		CryptokiException(long code, String message, Throwable cause) {
			super(message, cause);
			this.code = code;
		}

		long code() {
			return code;
		}

		/** The PKCS11Exception in the cause chain as a CryptokiException, or null. */
		static CryptokiException from(Throwable throwable) {
			for (Throwable t = throwable; t != null; t = t.getCause()) {
				if (t instanceof CryptokiException c) {
					return c;
				}
				if (t.getClass().getName().equals(WRAPPER + "PKCS11Exception")) {
					try {
						long code = (Long) t.getClass().getMethod("getErrorCode").invoke(t);
						return new CryptokiException(code, t.getMessage(), t);
					}
					catch (ReflectiveOperationException e) {
						return new CryptokiException(-1, t.getMessage(), t);
					}
				}
			}
			return null;
		}
	}
}
