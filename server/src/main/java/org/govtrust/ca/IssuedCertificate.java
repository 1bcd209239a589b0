package org.govtrust.ca;

import org.jspecify.annotations.Nullable;

/**
 * A newly issued certificate, ready to install on the key.
 *
 * @param certificate the certificate
 * @param pem the certificate in PEM
 * @param chainPem the issuing CA then the root, PEM
 * @param encryption for an SM2 signing key, the encryption certificate of the dual pair
 * with its key in a digital envelope; otherwise null
 */
public record IssuedCertificate(CertificateView certificate, String pem, String chainPem,
		@Nullable EncryptionCertificate encryption) {

	/**
	 * What the key assistant installs: the certificate, the chain and, for a dual pair, the
	 * encryption certificate and its {@code SKF ENVELOPED KEY} block.
	 * @return PEM text
	 */
	public String installPem() {
		return this.pem + this.chainPem + (this.encryption == null ? "" : this.encryption.installPem());
	}

	/**
	 * The encryption certificate of an SM2 dual pair (GM/T 0014): its key was made by the key
	 * management centre, which keeps an escrow copy, and travels to the USB key as a GM/T 0016
	 * {@code SKF_ENVELOPEDKEYBLOB} that only the signing key opens.
	 *
	 * @param certificate the encryption certificate
	 * @param pem the encryption certificate in PEM
	 * @param envelopePem the envelope, PEM type {@code SKF ENVELOPED KEY}
	 */
	public record EncryptionCertificate(CertificateView certificate, String pem, String envelopePem) {

		/**
		 * The encryption certificate and its envelope, as the key assistant installs them.
		 * @return PEM text
		 */
		public String installPem() {
			return this.pem + this.envelopePem;
		}

	}

}
