/** Exchange packages (`.vitrine`): an exhibition with what it needs, handed between libraries. */
export { packExhibition, collectPackage, packageCancelled, type PackProgressOptions } from './pack';
export {
  readPackage,
  unpackInto,
  importPackageMedia,
  commitPackage,
  DEFAULT_PACKAGE_LIMITS,
  type ConflictMode,
  type PackageLimits,
  type ReadPackage,
  type UnpackOutcome,
} from './unpack';
export { PACKAGE_FORMAT, PACKAGE_VERSION, MANIFEST_ENTRY, DATA_ENTRY } from './format';
