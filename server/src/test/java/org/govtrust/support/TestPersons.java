package org.govtrust.support;

import org.govtrust.identity.StartRegistrationCommand;

/**
 * The fixture people of {@code simulator/people.csv}, as registration commands.
 */
public final class TestPersons {

	/** Verified by face and by CTID. */
	public static final String WANG_ID = "110101199003071233";

	/** Long-term card, minority name with a middle dot, no CTID. */
	public static final String AYGUL_ID = "650102196805200023";

	/** Face mismatch. */
	public static final String LI_ID = "310101198511021235";

	/** Liveness failure. */
	public static final String HAN_ID = "440305199202290028";

	/** Authority busy. */
	public static final String ZHANG_ID = "33010619790715123X";

	/** Authority unavailable. */
	public static final String LIU_ID = "510104200109090028";

	/** Authority holds her replacement card (2023-06-15..2043-06-15); she also has the old one. */
	public static final String CHEN_ID = "420102199512120020";

	private TestPersons() {
	}

	public static StartRegistrationCommand wang(String phone) {
		return new StartRegistrationCommand("王小明", WANG_ID, "2016-04-12", "2036-04-12", false, phone, false);
	}

	public static StartRegistrationCommand aygul(String phone) {
		return new StartRegistrationCommand("阿依古丽.买买提", AYGUL_ID, "2015.08.01", "长期", false, phone, false);
	}

	public static StartRegistrationCommand li(String phone) {
		return new StartRegistrationCommand("李雷", LI_ID, "2012-06-30", "2032-06-30", false, phone, false);
	}

	public static StartRegistrationCommand han(String phone) {
		return new StartRegistrationCommand("韩梅梅", HAN_ID, "2020-02-29", "2040-02-29", false, phone, false);
	}

	public static StartRegistrationCommand zhang(String phone) {
		return new StartRegistrationCommand("张伟", ZHANG_ID, "2019-01-10", "2039-01-10", false, phone, false);
	}

	public static StartRegistrationCommand liu(String phone) {
		return new StartRegistrationCommand("刘洋", LIU_ID, "2018-10-01", "2028-10-01", false, phone, false);
	}

	/** Chen with the dates of her old, still valid first card. */
	public static StartRegistrationCommand chenOldCard(String phone) {
		return new StartRegistrationCommand("陈静", CHEN_ID, "2018-03-01", "2028-03-01", false, phone, false);
	}

	/** A valid JPEG header: enough for the simulator, which never looks at the picture. */
	public static byte[] faceImage() {
		return new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };
	}

}
