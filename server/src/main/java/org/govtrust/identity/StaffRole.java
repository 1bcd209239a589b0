package org.govtrust.identity;

/**
 * What a staff member may do.
 */
public enum StaffRole {

	/** Counter clerk (窗口业务人员): verifies people in person, verifies phones manually. */
	CLERK,
	/** Provincial information-centre operator (省局信息中心): repairs accounts, imports synced accounts. */
	OPERATOR,
	/** Platform administrator: creates staff accounts. */
	ADMIN,
	/** Auditor: reads the audit trail and the counter ledger. */
	AUDITOR,
	/** Registration-authority officer: enrols enterprises, issues and manages their certificates. */
	RA_OFFICER

}
