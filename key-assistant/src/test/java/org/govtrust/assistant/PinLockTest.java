package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.token.HardwarePin;
import org.govtrust.assistant.token.PinGuard;
import org.govtrust.assistant.token.PinStateStore;
import org.govtrust.assistant.token.Token;
import org.govtrust.assistant.token.TokenCertificate;
import org.govtrust.assistant.token.TokenKind;
import org.govtrust.assistant.token.TokenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistant's own PIN counter and the unlock codes that reset it. */
class PinLockTest {

	@TempDir
	Path directory;

	Fixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new Fixture(directory, 3);
	}

	@Test
	void wrongPinDecrementsAndARightPinResets() {
		PinGuard guard = fixture.assistant.guard();
		assertThat(guard.status(fixture.token).triesLeft()).isEqualTo(3);
		assertWrongPin(2);
		assertWrongPin(1);
		try (TokenSession session = guard.open(fixture.token, Fixture.PIN.toCharArray())) {
			assertThat(session.keyEntries()).isEmpty();
		}
		assertThat(guard.status(fixture.token).triesLeft()).isEqualTo(3);
		assertThat(guard.status(fixture.token).locked()).isFalse();
	}

	@Test
	void atZeroEvenTheRightPinIsRefusedWithoutReachingTheToken() throws Exception {
		assertWrongPin(2);
		assertWrongPin(1);
		assertWrongPin(0);
		CountingToken counting = new CountingToken(fixture.token);
		assertThatThrownBy(() -> fixture.assistant.guard().open(counting, Fixture.PIN.toCharArray()))
			.isInstanceOfSatisfying(AssistantException.class, e -> {
				assertThat(e.problem()).isEqualTo(Problem.PIN_LOCKED);
				assertThat(e.msg().zh()).contains("unlock-request");
				assertThat(e.msg().en()).contains("unlock-request").contains("new certificate");
			});
		assertThat(counting.logins.get()).isZero();
		assertThat(fixture.assistant.guard().status(fixture.token).locked()).isTrue();
		// the counter survives a restart: it is in the state file, written atomically (no temporary files left)
		PinGuard restarted = new PinGuard(new PinStateStore(fixture.stateDir, 3));
		assertThat(restarted.status(fixture.token).triesLeft()).isZero();
		try (var files = Files.list(fixture.stateDir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json", "state.lock");
		}
	}

	@Test
	void theTokensOwnLockFlagIsHonoured() {
		CountingToken locked = new CountingToken(fixture.token) {
			@Override
			public HardwarePin hardwarePin() {
				return new HardwarePin(true, false, false);
			}
		};
		assertThat(fixture.assistant.guard().status(locked).locked()).isTrue();
		assertThatThrownBy(() -> fixture.assistant.guard().open(locked, Fixture.PIN.toCharArray()))
			.isInstanceOfSatisfying(AssistantException.class, e -> assertThat(e.problem()).isEqualTo(Problem.PIN_LOCKED));
		assertThat(locked.logins.get()).isZero();
	}

	@Test
	void aValidUnlockCodeResetsTheCounter() throws Exception {
		try (TestServer server = new TestServer()) {
			TestCa ca = TestCa.create(KeyAlgorithm.EC, server.url);
			server.ca = ca;
			X509Certificate certificate = fixture.enrol(ca, KeyAlgorithm.EC, "login");
			lock();
			String request = fixture.assistant.unlockCodes().request(fixture.token);
			String[] parts = request.split("\\.");
			assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[0]))).isEqualTo(fixture.id());
			assertThat(java.util.Base64.getUrlDecoder().decode(parts[1])).hasSize(16);

			String code = ca.unlockCode(fixture.id(), parts[1], Certs.serialHex(certificate), Instant.now().getEpochSecond() + 600);
			fixture.assistant.unlockCodes().unlock(fixture.token, code);
			assertThat(fixture.assistant.guard().status(fixture.token).triesLeft()).isEqualTo(3);
			// the nonce is forgotten: the same code cannot be used twice
			assertThatThrownBy(() -> fixture.assistant.unlockCodes().unlock(fixture.token, code))
				.isInstanceOfSatisfying(AssistantException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNLOCK_CODE_INVALID));
		}
	}

	@Test
	void unlockThroughTheCommandLine() throws Exception {
		try (TestServer server = new TestServer()) {
			TestCa ca = TestCa.create(KeyAlgorithm.SM2, server.url);
			server.ca = ca;
			X509Certificate certificate = fixture.enrol(ca, KeyAlgorithm.SM2, "login");
			lock();
			Fixture.CliRun request = fixture.cli("unlock-request", "--token", fixture.id(), "--max-pin-tries", "3");
			assertThat(request.exitCode()).isZero();
			String code = request.out().lines().filter(line -> line.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")).findFirst().orElseThrow();
			assertThat(request.out()).contains("软证书").contains("new key");
			String nonce = code.split("\\.")[1];
			String unlock = ca.unlockCode(fixture.id(), nonce, Certs.serialHex(certificate), Instant.now().getEpochSecond() + 600);
			Fixture.CliRun run = fixture.cli("unlock", "--token", fixture.id(), "--code", unlock, "--max-pin-tries", "3");
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(run.out()).contains("3/3");
		}
	}

	@Test
	void badUnlockCodesAreRefused() throws Exception {
		try (TestServer server = new TestServer()) {
			TestCa ca = TestCa.create(KeyAlgorithm.EC, server.url);
			server.ca = ca;
			X509Certificate certificate = fixture.enrol(ca, KeyAlgorithm.EC, "login");
			lock();
			String nonce = fixture.assistant.unlockCodes().request(fixture.token).split("\\.")[1];
			String serial = Certs.serialHex(certificate);
			long later = Instant.now().getEpochSecond() + 600;

			assertRefused(ca.unlockCode(fixture.id(), "AAAAAAAAAAAAAAAAAAAAAA", serial, later), "request code");
			assertRefused(ca.unlockCode(fixture.id(), nonce, serial, Instant.now().getEpochSecond() - 10), "expired");
			TestCa otherCa = TestCa.create(KeyAlgorithm.EC, server.url);
			assertRefused(otherCa.unlockCode(fixture.id(), nonce, serial, later), "signature");
			assertRefused(ca.unlockCode("file:other.p12", nonce, serial, later), "another token");
			assertRefused(ca.unlockCode(fixture.id(), nonce, "abcdef", later), "not on this token");
			assertRefused("not-a-code", "malformed");
			String tampered = ca.unlockCode(fixture.id(), nonce, serial, later);
			String[] parts = tampered.split("\\.");
			String longer = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
					("govtrust-unlock|" + fixture.id() + "|" + nonce + "|" + serial + "|" + (later + 99999)).getBytes());
			assertRefused(longer + "." + parts[1], "signature");

			assertThat(fixture.assistant.guard().status(fixture.token).locked()).isTrue();
		}
	}

	private void lock() {
		for (int i = 0; i < 3; i++) {
			try {
				fixture.assistant.guard().open(fixture.token, "000000".toCharArray()).close();
			}
			catch (AssistantException e) {
				// expected
			}
		}
		assertThat(fixture.assistant.guard().status(fixture.token).locked()).isTrue();
	}

	private void assertRefused(String code, String englishHint) {
		assertThatThrownBy(() -> fixture.assistant.unlockCodes().unlock(fixture.token, code))
			.isInstanceOfSatisfying(AssistantException.class, e -> {
				assertThat(e.problem()).isEqualTo(Problem.UNLOCK_CODE_INVALID);
				assertThat(e.msg().en()).contains(englishHint).contains("not reset");
				assertThat(e.msg().zh()).contains("未重置");
			});
	}

	private void assertWrongPin(int expectedLeft) {
		assertThatThrownBy(() -> fixture.assistant.guard().open(fixture.token, "000000".toCharArray()))
			.isInstanceOfSatisfying(AssistantException.class, e -> {
				assertThat(e.problem()).isEqualTo(Problem.PIN_INCORRECT);
				assertThat(e.triesLeft()).isEqualTo(expectedLeft);
				assertThat(e.msg().zh()).contains("PIN");
				assertThat(e.msg().en()).contains(expectedLeft + " tries left");
			});
	}

	/** Counts how often the PIN reaches the token. */
	static class CountingToken implements Token {

		final Token delegate;

		final AtomicInteger logins = new AtomicInteger();

		CountingToken(Token delegate) {
			this.delegate = delegate;
		}

		@Override
		public String id() {
			return delegate.id();
		}

		@Override
		public String label() {
			return delegate.label();
		}

		@Override
		public TokenKind kind() {
			return delegate.kind();
		}

		@Override
		public HardwarePin hardwarePin() {
			return delegate.hardwarePin();
		}

		@Override
		public List<TokenCertificate> certificates() {
			return delegate.certificates();
		}

		@Override
		public TokenSession login(char[] pin) {
			logins.incrementAndGet();
			return delegate.login(pin);
		}

		@Override
		public void changePin(char[] oldPin, char[] newPin) {
			logins.incrementAndGet();
			delegate.changePin(oldPin, newPin);
		}

		@Override
		public void resetPin(char[] soPin, char[] newPin) {
			delegate.resetPin(soPin, newPin);
		}
	}
}
