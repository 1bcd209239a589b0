package org.govtrust.assistant.token;

import java.util.function.Supplier;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;

/**
 * Every user-PIN attempt goes through here. SoftHSM2 (and a PKCS#12 file) does not count wrong PINs, so the
 * assistant does: one try is taken away BEFORE the PIN reaches the token (a crash or kill cannot give a free
 * try), a correct PIN gives all tries back, and at 0 the assistant refuses to pass any PIN on. A PKCS#11
 * token's own CKF_USER_PIN_LOCKED / FINAL_TRY flags are honoured as well.
 */
public final class PinGuard {

	private final PinStateStore store;

	public PinGuard(PinStateStore store) {
		this.store = store;
	}

	public PinStateStore store() {
		return store;
	}

	public record PinStatus(int triesLeft, int maxTries, boolean locked, boolean lockedByToken, boolean countLow) {
	}

	public PinStatus status(Token token) {
		int left = store.triesLeft(token.id());
		HardwarePin hardware = token.hardwarePin();
		if (hardware.locked()) {
			left = 0;
		}
		else if (hardware.finalTry()) {
			left = Math.min(left, 1);
		}
		return new PinStatus(left, store.maxTries(), left == 0, hardware.locked(), hardware.countLow());
	}

	/** Logs in with the user PIN, counting the try. */
	public TokenSession open(Token token, char[] pin) {
		return attempt(token, () -> token.login(pin));
	}

	/** Changes the user PIN, counting the old PIN as a try. */
	public int changePin(Token token, char[] oldPin, char[] newPin) {
		attempt(token, () -> {
			token.changePin(oldPin, newPin);
			return null;
		});
		return store.triesLeft(token.id());
	}

	/** Counter staff: sets a new user PIN with the SO PIN, then gives all tries back. */
	public void resetPin(Token token, char[] soPin, char[] newPin) {
		token.resetPin(soPin, newPin);
		store.reset(token.id());
	}

	private <T> T attempt(Token token, Supplier<T> operation) {
		PinStatus status = status(token);
		if (status.locked()) {
			throw locked(token, status.lockedByToken());
		}
		int before = store.triesLeft(token.id());
		int left = store.consumeTry(token.id());
		T result;
		try {
			result = operation.get();
		}
		catch (PinRejectedException e) {
			if (e.lockedByToken()) {
				store.setTriesLeft(token.id(), 0);
				throw locked(token, true);
			}
			throw incorrect(token, left);
		}
		catch (RuntimeException | Error e) {
			store.setTriesLeft(token.id(), before); // the PIN was never judged: give the try back
			throw e;
		}
		store.reset(token.id());
		return result;
	}

	private static AssistantException incorrect(Token token, int left) {
		if (left == 0) {
			return new AssistantException(Problem.PIN_INCORRECT, Msg.of(
					"PIN 码错误，剩余 0 次：助手已锁定令牌 " + token.id() + "，不会再尝试任何 PIN。" + unlockRoute(token).zh(),
					"Wrong PIN, 0 tries left: the assistant has locked token " + token.id()
							+ " and will not try any PIN on it. " + unlockRoute(token).en()),
					0, null);
		}
		return new AssistantException(Problem.PIN_INCORRECT, Msg.of(
				"PIN 码错误，还可尝试 " + left + " 次；次数用完后令牌将被锁定。请核对 PIN（注意大小写和输入法）后重试。",
				"Wrong PIN; " + left + " tries left before the token is locked. Check the PIN (letter case, "
						+ "keyboard layout) and try again."),
				left, null);
	}

	public static AssistantException locked(Token token, boolean byToken) {
		if (byToken) {
			return new AssistantException(Problem.PIN_LOCKED, Msg.of(
					"USB key " + token.id() + " 本身已锁定用户 PIN。请携带 USB key 和营业执照到 CA 柜台，由工作人员用 SO PIN 重置 PIN（pin reset）。",
					"USB key " + token.id() + " has locked its user PIN itself. Bring the USB key and the business "
							+ "licence to the CA counter, where staff reset the PIN with the SO PIN (pin reset)."),
					0, null);
		}
		return new AssistantException(Problem.PIN_LOCKED, Msg.of(
				"令牌 " + token.id() + " 的 PIN 已被助手锁定（错误次数已用完），助手不会再尝试任何 PIN。" + unlockRoute(token).zh(),
				"The PIN of token " + token.id() + " is locked by the assistant (no tries left); it will not try any "
						+ "PIN. " + unlockRoute(token).en()),
				0, null);
	}

	/** What a forgotten PIN means for this kind of token. */
	public static Msg forgottenPin(Token token) {
		String id = token.id();
		if (token.kind() == TokenKind.PKCS11) {
			return Msg.of("如果忘记了 USB key 的 PIN：解锁码无济于事，请到 CA 柜台由工作人员用 SO PIN 重置（pin reset --token " + id
					+ " --so-pin ... --new-pin ...）。",
					"If the USB key's PIN is forgotten, an unlock code does not help: CA counter staff reset it with the SO PIN "
							+ "(pin reset --token " + id + " --so-pin ... --new-pin ...).");
		}
		return Msg.of("如果忘记了软证书 PIN：解锁码无济于事，PIN 无法找回，只能生成新密钥（keygen）并重新申请证书。",
				"If a soft-token PIN is forgotten, an unlock code does not help: it cannot be recovered; generate a new key "
						+ "(keygen) and apply for a new certificate.");
	}

	/** How to get out of the assistant's lock, and what a forgotten PIN means for this kind of token. */
	public static Msg unlockRoute(Token token) {
		String id = token.id();
		Msg forgotten = forgottenPin(token);
		return Msg.of("解锁：运行 key-assistant unlock-request --token " + id + " 得到请求码，在 GovTrust 企业页面（/enterprise）提交后获得解锁码，"
				+ "再运行 key-assistant unlock --token " + id + " --code 解锁码。" + forgotten.zh(),
				"To unlock: run key-assistant unlock-request --token " + id + " for a request code, submit it on the "
						+ "GovTrust enterprise page (/enterprise) to get an unlock code, then run key-assistant unlock "
						+ "--token " + id + " --code CODE. " + forgotten.en());
	}
}
