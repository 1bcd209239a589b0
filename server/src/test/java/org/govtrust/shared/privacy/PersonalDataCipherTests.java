package org.govtrust.shared.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PersonalDataCipher}.
 */
class PersonalDataCipherTests {

	private static final byte[] ENCRYPTION_KEY = key(1);

	private static final byte[] LOOKUP_KEY = key(101);

	private final PersonalDataCipher cipher = new PersonalDataCipher(ENCRYPTION_KEY, LOOKUP_KEY);

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "13812345678", "阿依·买买提", "王𠀀明", "", " ", "a\u0000b" })
	void decryptWhenEncryptedThenOriginalValue(String plain) {
		assertThat(this.cipher.decrypt(this.cipher.encrypt(plain))).isEqualTo(plain);
	}

	@Test
	void encryptWhenLongChineseTextThenRoundTrips() {
		String plain = "北京市朝阳区建国路88号".repeat(200);
		assertThat(this.cipher.decrypt(this.cipher.encrypt(plain))).isEqualTo(plain);
	}

	@Test
	void encryptWhenCalledTwiceThenDifferentCiphertexts() {
		String first = this.cipher.encrypt("11010519491231002X");
		String second = this.cipher.encrypt("11010519491231002X");
		assertThat(first).isNotEqualTo(second);
		assertThat(this.cipher.decrypt(first)).isEqualTo(this.cipher.decrypt(second));
	}

	@Test
	void encryptWhenEncodedThenVersionIvCiphertextAndTagWithoutPlainText() {
		String plain = "11010519491231002X";
		String stored = this.cipher.encrypt(plain);
		byte[] bytes = Base64.getDecoder().decode(stored);
		// version byte, 12-byte IV, ciphertext as long as the UTF-8 plain text, 16-byte tag
		assertThat(bytes).hasSize(1 + 12 + plain.getBytes(StandardCharsets.UTF_8).length + 16);
		assertThat(bytes[0]).isEqualTo((byte) 1);
		assertThat(stored).doesNotContain(plain).doesNotContain("1101051949");
		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("1101051949");
	}

	@Test
	void decryptWhenAnyByteTamperedThenIllegalState() {
		byte[] stored = Base64.getDecoder().decode(this.cipher.encrypt("阿依·买买提"));
		// every byte after the version: IV, ciphertext and tag
		for (int i = 1; i < stored.length; i++) {
			byte[] tampered = stored.clone();
			tampered[i] ^= 0x01;
			String value = Base64.getEncoder().encodeToString(tampered);
			assertThatIllegalStateException().as("byte %d flipped", i).isThrownBy(() -> this.cipher.decrypt(value));
		}
	}

	@Test
	void decryptWhenTruncatedTagThenIllegalState() {
		byte[] stored = Base64.getDecoder().decode(this.cipher.encrypt("13812345678"));
		byte[] truncated = Arrays.copyOf(stored, stored.length - 1);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.cipher.decrypt(Base64.getEncoder().encodeToString(truncated)));
	}

	@Test
	void decryptWhenUnknownVersionThenIllegalState() {
		byte[] stored = Base64.getDecoder().decode(this.cipher.encrypt("13812345678"));
		stored[0] = 2;
		String value = Base64.getEncoder().encodeToString(stored);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(value));
	}

	@Test
	void decryptWhenTooShortThenIllegalState() {
		String value = Base64.getEncoder().encodeToString(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(value));
	}

	@Test
	void decryptWhenNotBase64ThenIllegalState() {
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt("not base64 !"));
	}

	@Test
	void decryptWhenWrongEncryptionKeyThenIllegalState() {
		String stored = this.cipher.encrypt("11010519491231002X");
		PersonalDataCipher other = new PersonalDataCipher(key(2), LOOKUP_KEY);
		assertThatIllegalStateException().isThrownBy(() -> other.decrypt(stored));
	}

	@Test
	void decryptWhenOnlyLookupKeyDiffersThenStillDecrypts() {
		String stored = this.cipher.encrypt("11010519491231002X");
		PersonalDataCipher other = new PersonalDataCipher(ENCRYPTION_KEY, key(102));
		assertThat(other.decrypt(stored)).isEqualTo("11010519491231002X");
	}

	@Test
	void lookupHashWhenSameValueThenSameHash() {
		PersonalDataCipher sameKeys = new PersonalDataCipher(ENCRYPTION_KEY, LOOKUP_KEY);
		assertThat(this.cipher.lookupHash("id", "11010519491231002X"))
			.isEqualTo(this.cipher.lookupHash("id", "11010519491231002X"))
			.isEqualTo(sameKeys.lookupHash("id", "11010519491231002X"));
	}

	@Test
	void lookupHashWhenComputedThenHmacSha256OfKindZeroByteAndValueAsLowerHex() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(LOOKUP_KEY, "HmacSHA256"));
		byte[] expected = mac.doFinal("id\u000011010519491231002X".getBytes(StandardCharsets.UTF_8));
		assertThat(this.cipher.lookupHash("id", "11010519491231002X")).isEqualTo(HexFormat.of().formatHex(expected))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void lookupHashWhenDifferentKindThenDifferentHash() {
		assertThat(this.cipher.lookupHash("id", "13812345678"))
			.isNotEqualTo(this.cipher.lookupHash("phone", "13812345678"));
	}

	@Test
	void lookupHashWhenKindAndValueSplitDifferentlyThenDifferentHash() {
		// the separator keeps ("ph", "one1") and ("phone", "1") apart
		assertThat(this.cipher.lookupHash("ph", "one1")).isNotEqualTo(this.cipher.lookupHash("phone", "1"));
	}

	@Test
	void lookupHashWhenDifferentValueThenDifferentHash() {
		assertThat(this.cipher.lookupHash("id", "11010519491231002X"))
			.isNotEqualTo(this.cipher.lookupHash("id", "34052419800101001X"));
	}

	@Test
	void lookupHashWhenDifferentLookupKeyThenDifferentHash() {
		PersonalDataCipher other = new PersonalDataCipher(ENCRYPTION_KEY, key(102));
		assertThat(other.lookupHash("id", "11010519491231002X"))
			.isNotEqualTo(this.cipher.lookupHash("id", "11010519491231002X"));
	}

	@Test
	void lookupHashWhenOnlyEncryptionKeyDiffersThenSameHash() {
		PersonalDataCipher other = new PersonalDataCipher(key(2), LOOKUP_KEY);
		assertThat(other.lookupHash("id", "11010519491231002X"))
			.isEqualTo(this.cipher.lookupHash("id", "11010519491231002X"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 16, 24, 31, 33 })
	void constructorWhenKeyNot256BitsThenIllegalArgument(int length) {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(new byte[length], LOOKUP_KEY));
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(ENCRYPTION_KEY, new byte[length]));
	}

	@Test
	void encryptWhenNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.cipher.encrypt(null));
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		IntStream.range(0, 32).forEach((i) -> key[i] = (byte) (seed * 31 + i * 7));
		return key;
	}

}
