/** Reports written back to partners: the deposit report (CR) of every flow, valid against its schema. */
package org.achemine.report;
