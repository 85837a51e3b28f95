import { InvalidArgumentError } from 'commander';

/** Commander option parsers that reject bad values with a readable message instead of passing NaN along. */
export function integerOption(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}
