/**
 * What achemine writes to partners in Chorus Pro's own status format, {@code CPPStatut} (AIFE's
 * {@code CPPStatutPivot_V1_19.xsd}, unchanged in {@code schemas/chorus/}): flow reports as
 * {@code CPPFluxStatuts} ({@link org.achemine.report.cppstatut.FluxStatutWriter}), invoice lifecycle flows as
 * {@code CPPFactureStatuts} ({@link org.achemine.report.cppstatut.FactureStatutWriter}), each checked against the
 * official schema before anyone may publish it, and read back by {@link org.achemine.report.cppstatut.FluxStatutReader}.
 */
package org.achemine.report.cppstatut;
