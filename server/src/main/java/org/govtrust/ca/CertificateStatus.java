package org.govtrust.ca;

/**
 * A certificate's state as people see it (the stored state together with its dates).
 */
public enum CertificateStatus {

	/** Valid now. */
	VALID,
	/** Its validity has not begun. */
	NOT_YET_VALID,
	/** Its validity has ended. */
	EXPIRED,
	/** Suspended (on the CRL as certificateHold); can be resumed. */
	SUSPENDED,
	/** Revoked for good. */
	REVOKED,
	/** Replaced by a renewed or changed certificate (revoked as superseded). */
	SUPERSEDED

}
