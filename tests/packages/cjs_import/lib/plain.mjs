export const value = 'required ES module';
