/** Microsoft's metadata (CSDL) as a command reads it: `drift` compares with it, `certify server` reads nullability from it. */
import { CsdlError, type CsdlModel, readCsdl } from '../generator/read/csdl.js';
import { displayPath, readInput, UsageError } from './io.js';

/** `file` read as CSDL; text that is not is a usage error naming its line. */
export function readMetadata(file: string, text = readInput(file)): CsdlModel {
  try {
    return readCsdl({ file: displayPath(file), text });
  } catch (e) {
    if (e instanceof CsdlError) throw new UsageError(`${file}:${e.line}:${e.column}: not CSDL metadata: ${e.message}`);
    throw e;
  }
}
