export { planPortfolio } from './plan-portfolio.js';
export { verifyPortfolio, type VerifiableAssignment } from './verify.js';
export { PortfolioError, type PortfolioErrorCode } from './portfolio.error.js';
export type * from './portfolio.types.js';
