package org.govtrust.ca.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
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
			ExtensionsGenerator extensions = new ExtensionsGenerator();
			extensions.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
			extensions.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
			if (distributionPoint != null) {
				DistributionPointName name = new DistributionPointName(
						new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, distributionPoint)));
				extensions.addExtension(Extension.issuingDistributionPoint, true,
						new IssuingDistributionPoint(name, false, false, null, false, false));
			}
			if (deltaOf != null) {
				extensions.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(deltaOf));
			}
			return new Builder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
					new Time(Date.from(thisUpdate)), new Time(Date.from(nextUpdate)), extensions.generate());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("CRL build failed", ex);
		}
	}

	/**
	 * Entries, then the signature. The CRL is assembled from its encoded parts rather than by
	 * Bouncy Castle's {@code X509v2CRLBuilder}, which keeps every entry as ASN.1 objects until
	 * it signs: about 240 bytes an entry, 237 MB for a million revoked certificates, more than
	 * the heap {@code bin/govtrust} gives the server. Here each entry is encoded by Bouncy
	 * Castle as it arrives and kept as its DER (about 45 bytes); only the outer SEQUENCE
	 * headers are written here, and the result is the DER Bouncy Castle would produce
	 * ({@code RevocationListsTests} compares the two).
	 */
	public final class Builder {

		private static final int CHUNK = 1 << 20;

		private final X500Name issuer;

		private final Time thisUpdate;

		private final Time nextUpdate;

		private final Extensions extensions;

		private final List<byte[]> chunks = new ArrayList<>();

		private int used = CHUNK; // of the last chunk

		private long entriesLength;

		private boolean signed;

		private Builder(X500Name issuer, Time thisUpdate, Time nextUpdate, Extensions extensions) {
			this.issuer = issuer;
			this.thisUpdate = thisUpdate;
			this.nextUpdate = nextUpdate;
			this.extensions = extensions;
		}

		/**
		 * Adds an entry.
		 * @param serial the certificate serial
		 * @param at when it was revoked or suspended
		 * @param reason the RFC 5280 CRLReason code; 0 (unspecified) is left out, as RFC 5280
		 * §5.3.1 asks
		 * @return this
		 */
		public Builder add(BigInteger serial, Instant at, int reason) {
			if (this.signed) {
				throw new IllegalStateException("this CRL is signed already");
			}
			ASN1EncodableVector entry = new ASN1EncodableVector(3);
			entry.add(new ASN1Integer(serial));
			entry.add(new Time(Date.from(at)));
			if (reason != 0) {
				entry.add(new DERSequence(new DERSequence(new ASN1Encodable[] { Extension.reasonCode,
						new DEROctetString(encoded(CRLReason.lookup(reason))) })));
			}
			append(encoded(new DERSequence(entry)));
			return this;
		}

		/**
		 * Signs it.
		 * @return the DER
		 */
		public byte[] sign() {
			if (this.signed) {
				throw new IllegalStateException("this CRL is signed already");
			}
			CaHierarchy.Authority authority = RevocationLists.this.issuer.get();
			ContentSigner signer = Pki.signer(authority.signatureAlgorithm(), authority.key(), authority.provider());
			byte[] algorithm = encoded(signer.getAlgorithmIdentifier());
			// TBSCertList: version v2, signature, issuer, thisUpdate, nextUpdate,
			// revokedCertificates (left out when empty), [0] crlExtensions
			byte[] head = concat(encoded(new ASN1Integer(1)), algorithm, encoded(this.issuer), encoded(this.thisUpdate),
					encoded(this.nextUpdate));
			byte[] entriesHeader = (this.entriesLength > 0) ? header(this.entriesLength) : new byte[0];
			byte[] tail = encoded(new DERTaggedObject(true, 0, this.extensions));
			long tbsBody = head.length + entriesHeader.length + this.entriesLength + tail.length;
			if (tbsBody > Integer.MAX_VALUE - 65_536) { // leaves room for the headers and any signature
				throw new IllegalStateException("CRL of " + tbsBody + " bytes is too large for one array");
			}
			byte[] tbsHeader = header(tbsBody);
			try (OutputStream out = signer.getOutputStream()) {
				writeTbs(out, tbsHeader, head, entriesHeader, tail);
			}
			catch (IOException ex) {
				throw new IllegalStateException("CRL signature failed", ex);
			}
			byte[] signature = encoded(new DERBitString(signer.getSignature()));
			long body = tbsHeader.length + tbsBody + algorithm.length + signature.length;
			byte[] outer = header(body);
			Filling crl = new Filling(new byte[(int) (outer.length + body)]);
			crl.write(outer);
			writeTbs(crl, tbsHeader, head, entriesHeader, tail);
			crl.write(algorithm);
			crl.write(signature);
			this.signed = true;
			this.chunks.clear(); // the caller may keep this builder until it returns; the entries can go now
			return crl.filled();
		}

		private void writeTbs(OutputStream out, byte[] tbsHeader, byte[] head, byte[] entriesHeader, byte[] tail) {
			try {
				out.write(tbsHeader);
				out.write(head);
				out.write(entriesHeader);
				for (int i = 0; i < this.chunks.size(); i++) {
					out.write(this.chunks.get(i), 0, (i == this.chunks.size() - 1) ? this.used : CHUNK);
				}
				out.write(tail);
			}
			catch (IOException ex) {
				throw new IllegalStateException("CRL encoding failed", ex);
			}
		}

		private void append(byte[] bytes) {
			int from = 0;
			while (from < bytes.length) {
				if (this.used == CHUNK) {
					this.chunks.add(new byte[CHUNK]);
					this.used = 0;
				}
				int n = Math.min(bytes.length - from, CHUNK - this.used);
				System.arraycopy(bytes, from, this.chunks.get(this.chunks.size() - 1), this.used, n);
				this.used += n;
				from += n;
			}
			this.entriesLength += bytes.length;
		}

	}

	/** Writes into an array of the exact size, so that the CRL is not copied again. */
	private static final class Filling extends OutputStream {

		private final byte[] array;

		private int position;

		Filling(byte[] array) {
			this.array = array;
		}

		@Override
		public void write(int b) {
			this.array[this.position++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			System.arraycopy(bytes, offset, this.array, this.position, length);
			this.position += length;
		}

		@Override
		public void write(byte[] bytes) {
			write(bytes, 0, bytes.length);
		}

		byte[] filled() {
			if (this.position != this.array.length) {
				throw new IllegalStateException("CRL encoding wrote " + this.position + " of " + this.array.length + " bytes");
			}
			return this.array;
		}

	}

	/** A DER SEQUENCE's tag and definite length (X.690 §8.1.3). */
	static byte[] header(long length) {
		if (length < 128) {
			return new byte[] { 0x30, (byte) length };
		}
		int octets = (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
		byte[] header = new byte[2 + octets];
		header[0] = 0x30;
		header[1] = (byte) (0x80 | octets);
		for (int i = 0; i < octets; i++) {
			header[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
		}
		return header;
	}

	private static byte[] encoded(ASN1Encodable value) {
		try {
			return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
		}
		catch (IOException ex) {
			throw new IllegalStateException("CRL encoding failed", ex);
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
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
