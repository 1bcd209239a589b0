package org.govtrust.shared.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Sha256}: FIPS 180-2's test vectors, and text hashed as UTF-8. Stored
 * values depend on these exact bytes (token index keys, the hash chain, app secrets), so a
 * change of encoding or case would make them unreadable.
 */
class Sha256Tests {

	@Test
	void hexWhenStandardVectorsThenMatches() {
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

	@Test
	void digestWhenTextThenHashesItsUtf8Bytes() {
		String text = "测试用户 110101";
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		assertThat(Sha256.digest(text)).hasSize(32).isEqualTo(Sha256.digest(utf8));
		assertThat(Sha256.hex(text)).isEqualTo(Sha256.hex(utf8))
			.isEqualTo(HexFormat.of().formatHex(Sha256.digest(utf8)))
			.matches("[0-9a-f]{64}");
	}

}
