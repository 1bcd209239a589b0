/**
 * Extension point: the business registry (市场监管登记) that online enrolment checks the
 * credit code, the name and the legal representative against. A simulator serves the
 * default profile.
 */
@NamedInterface("spi")
@NullMarked
package org.govtrust.ca.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
