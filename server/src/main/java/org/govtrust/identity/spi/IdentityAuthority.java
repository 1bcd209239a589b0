package org.govtrust.identity.spi;

/**
 * The identity authority (公安部门身份核验): checks the four elements and compares a face
 * image with the photo on record. Implementations must not keep the image.
 */
public interface IdentityAuthority {

	/**
	 * Verifies a person.
	 * @param elements the four elements
	 * @param faceImage a JPEG or PNG image of the face, used for this call only
	 * @return the outcome; failures to reach the authority are {@link AuthorityResult.Unavailable},
	 * never exceptions, and so is no answer within a minute (an attempt waiting two minutes is
	 * taken as interrupted: its server stopped)
	 */
	AuthorityResult verify(IdentityElements elements, byte[] faceImage);

}
