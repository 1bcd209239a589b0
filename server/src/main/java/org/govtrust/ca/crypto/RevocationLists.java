package org.govtrust.ca.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.jspecify.annotations.Nullable;

/**
 * Builds the signed CRLs of a CA (RFC 5280 §5): a full CRL with its number, and a delta CRL
 * that lists what changed since a base full CRL. Suspended certificates appear with reason
 * {@code certificateHold}; a lifted suspension appears in the delta as {@code removeFromCRL}.
 */
public final class RevocationLists {

	/** The CRLReason of a delta entry that ends a suspension. */
	public static final int REMOVE_FROM_CRL = 8;

	private final Supplier<CaHierarchy.Authority> issuer;

	/**
	 * Lists of one CA.
	 * @param issuer the CA, asked for on each CRL (the key store may still be opening)
	 */
	public RevocationLists(Supplier<CaHierarchy.Authority> issuer) {
		this.issuer = issuer;
	}

	/**
	 * Starts a CRL.
	 * @param number the CRL number
	 * @param deltaOf the base CRL number for a delta CRL, or null for a full CRL
	 * @param thisUpdate now
	 * @param nextUpdate when the next one is due at the latest
	 * @param distributionPoint this CRL's URL (its issuing distribution point), or null for
	 * a CRL whose certificates name no distribution point (the root's)
	 * @return a builder to add entries to
	 */
	public Builder start(BigInteger number, @Nullable BigInteger deltaOf, Instant thisUpdate, Instant nextUpdate,
			@Nullable String distributionPoint) {
		CaHierarchy.Authority issuer = this.issuer.get();
		try {
			X509v2CRLBuilder crl = new X509v2CRLBuilder(
					X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
					Date.from(thisUpdate));
			crl.setNextUpdate(Date.from(nextUpdate));
			crl.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
			crl.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
			if (distributionPoint != null) {
				DistributionPointName name = new DistributionPointName(
						new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, distributionPoint)));
				crl.addExtension(Extension.issuingDistributionPoint, true,
						new IssuingDistributionPoint(name, false, false, null, false, false));
			}
			if (deltaOf != null) {
				crl.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(deltaOf));
			}
			return new Builder(crl);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("CRL build failed", ex);
		}
	}

	/** Entries, then the signature. */
	public final class Builder {

		private final X509v2CRLBuilder crl;

		private Builder(X509v2CRLBuilder crl) {
			this.crl = crl;
		}

		/**
		 * Adds an entry.
		 * @param serial the certificate serial
		 * @param at when it was revoked or suspended
		 * @param reason the RFC 5280 CRLReason code
		 * @return this
		 */
		public Builder add(BigInteger serial, Instant at, int reason) {
			this.crl.addCRLEntry(serial, Date.from(at), reason);
			return this;
		}

		/**
		 * Signs it.
		 * @return the DER
		 */
		public byte[] sign() {
			CaHierarchy.Authority authority = RevocationLists.this.issuer.get();
			X509CRLHolder holder = this.crl
				.build(Pki.signer(authority.signatureAlgorithm(), authority.key(), authority.provider()));
			try {
				return holder.getEncoded();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Parses a CRL (for tests and the assistant's diagnosis, through the same provider).
	 * @param der the DER
	 * @return the CRL
	 */
	public static X509CRL parse(byte[] der) {
		try {
			return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509", Pki.BC)
				.generateCRL(new java.io.ByteArrayInputStream(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
