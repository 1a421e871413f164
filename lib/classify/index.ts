export { classify, CLASSIFIER_VERSION, statusBranch, type ClassifyOptions } from "./classify";
export { normalize } from "./normalize";
export { SIGNATURES, type Signature } from "./signatures";
