/**
 * What a release says of itself, as pure functions: release-notes.md, release-metadata.json, release-history.csv,
 * promotion-trigger-confirmed.yaml and the signed manifest (in-toto statement, content hash, DSSE envelope), all made
 * from {@link studio.release.document.ReleaseFacts}, a release's facts as stored. The facts live here, with what
 * reads them, rather than beside the entity: the write side needs them too (the content hash approvers approve), and
 * they carry no persistence type. {@link studio.release.document.ReleaseContent} is the part taken from the milestone
 * and kept in the release row; {@link studio.release.ReleaseRecords} builds the facts from the row.
 */
package studio.release.document;
