/** What every capability shares: the home folder and its lock, the schemas, the pseudonymiser, JSON. */
package vn.inspection.pipeline.system;
