/**
 * Extension points: the identity authority (four elements + face) and network identity
 * (CTID). Each has a simulator active in the default profile.
 */
@NamedInterface("spi")
@NullMarked
package org.govtrust.identity.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
