package org.govtrust.assistant.token;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * C_SetPIN and C_InitPIN, which the JDK's PKCS#11 wrapper does not expose, called through the module's
 * function list with JNA. The library is the one the JDK already loaded and initialised (same path, same
 * process), so session handles opened through {@link Cryptoki} are valid here.
 */
final class PinFunctions {

	/** Positions in CK_FUNCTION_LIST after CK_VERSION: C_Initialize is 0. */
	private static final int C_INIT_PIN = 10;

	private static final int C_SET_PIN = 11;

	private PinFunctions() {
	}

	static long setPin(String library, long session, char[] oldPin, char[] newPin) {
		byte[] oldBytes = bytes(oldPin);
		byte[] newBytes = bytes(newPin);
		try {
			return call(library, C_SET_PIN, new NativeLong(session), oldBytes, new NativeLong(oldBytes.length), newBytes,
					new NativeLong(newBytes.length));
		}
		finally {
			Arrays.fill(oldBytes, (byte) 0);
			Arrays.fill(newBytes, (byte) 0);
		}
	}

	static long initPin(String library, long session, char[] newPin) {
		byte[] newBytes = bytes(newPin);
		try {
			return call(library, C_INIT_PIN, new NativeLong(session), newBytes, new NativeLong(newBytes.length));
		}
		finally {
			Arrays.fill(newBytes, (byte) 0);
		}
	}

	private static long call(String library, int index, Object... args) {
		NativeLibrary module = NativeLibrary.getInstance(library);
		PointerByReference list = new PointerByReference();
		NativeLong rv = (NativeLong) module.getFunction("C_GetFunctionList").invoke(NativeLong.class,
				new Object[] { list });
		if (rv.longValue() != 0) {
			return rv.longValue();
		}
		// CK_FUNCTION_LIST: CK_VERSION (2 bytes), then function pointers; Windows packs cryptoki structs to 1 byte
		int first = Platform.isWindows() ? 2 : Native.POINTER_SIZE;
		Pointer function = list.getValue().getPointer(first + (long) index * Native.POINTER_SIZE);
		NativeLong result = (NativeLong) Function.getFunction(function).invoke(NativeLong.class, args);
		return result.longValue();
	}

	private static byte[] bytes(char[] pin) {
		ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		if (buffer.hasArray()) {
			Arrays.fill(buffer.array(), (byte) 0);
		}
		return bytes;
	}
}
