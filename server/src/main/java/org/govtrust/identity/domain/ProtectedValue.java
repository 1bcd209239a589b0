package org.govtrust.identity.domain;

/**
 * A personal value as it is stored: encrypted, its keyed lookup hash, and its masked form.
 *
 * @param cipher the encrypted value
 * @param hash the keyed lookup hash
 * @param masked the masked form shown to people
 */
public record ProtectedValue(String cipher, String hash, String masked) {

	@Override
	public String toString() {
		return "ProtectedValue[" + this.masked + "]";
	}

}
