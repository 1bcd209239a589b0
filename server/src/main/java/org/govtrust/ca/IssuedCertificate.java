package org.govtrust.ca;

/**
 * A newly issued certificate, ready to install on the key.
 *
 * @param certificate the certificate
 * @param pem the certificate in PEM
 * @param chainPem the issuing CA then the root, PEM
 */
public record IssuedCertificate(CertificateView certificate, String pem, String chainPem) {

}
