package org.govtrust.identity.web;

import org.govtrust.identity.StartRegistrationCommand;
import org.jspecify.annotations.Nullable;

/**
 * The first registration page's form.
 */
public class RegistrationForm {

	private @Nullable String name;

	private @Nullable String idNumber;

	private @Nullable String validFrom;

	private @Nullable String validTo;

	private boolean longTerm;

	private @Nullable String phone;

	private boolean confirmUnusualValidity;

	StartRegistrationCommand toCommand() {
		return new StartRegistrationCommand(this.name, this.idNumber, this.validFrom, this.validTo, this.longTerm,
				this.phone, this.confirmUnusualValidity);
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getIdNumber() {
		return this.idNumber;
	}

	public void setIdNumber(@Nullable String idNumber) {
		this.idNumber = idNumber;
	}

	public @Nullable String getValidFrom() {
		return this.validFrom;
	}

	public void setValidFrom(@Nullable String validFrom) {
		this.validFrom = validFrom;
	}

	public @Nullable String getValidTo() {
		return this.validTo;
	}

	public void setValidTo(@Nullable String validTo) {
		this.validTo = validTo;
	}

	public boolean isLongTerm() {
		return this.longTerm;
	}

	public void setLongTerm(boolean longTerm) {
		this.longTerm = longTerm;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public boolean isConfirmUnusualValidity() {
		return this.confirmUnusualValidity;
	}

	public void setConfirmUnusualValidity(boolean confirmUnusualValidity) {
		this.confirmUnusualValidity = confirmUnusualValidity;
	}

}
