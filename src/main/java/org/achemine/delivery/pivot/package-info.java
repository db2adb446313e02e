/**
 * Deliveries as Chorus Pro's {@code CPPFacturePivot} (interface FEN0036A): the invoice's facts read from its
 * UBL or CII ({@link org.achemine.delivery.pivot.PivotTerm}), mapped to the official structure, the original
 * attached, checked against AIFE's schema before anything is published.
 */
package org.achemine.delivery.pivot;
